package dev.billforge.api;

import java.math.BigDecimal;
import java.util.function.LongFunction;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.billforge.common.DecimalInput;
import dev.billforge.common.ProblemException;
import dev.billforge.orgs.OrgId;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * JSON read by the app is bounded before anything is computed from it: every
 * {@code BigDecimal} field is read from the number's text through {@link DecimalInput} (a
 * refusal names the field), and an object with a duplicate key is refused instead of
 * silently keeping the last value. Nesting depth (500), number length (1,000 characters)
 * and body size ({@link ApiProperties#getMaxBodySize()}) are bounded by Jackson's stream
 * constraints and {@link BodySizeLimitFilter}. Ids are written as plain strings
 * ({@code "orgId":"org_…"}, not {@code {"value":…}}); an exception written as JSON never
 * carries its stack trace.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer boundedJson() {
		SimpleModule module = new SimpleModule("bounded-decimals");
		module.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
		module.addDeserializer(Integer.class,
				new BoundedIntegerDeserializer<>(Integer.MIN_VALUE, Integer.MAX_VALUE, value -> (int) value));
		module.addDeserializer(Long.class,
				new BoundedIntegerDeserializer<>(Long.MIN_VALUE, Long.MAX_VALUE, value -> value));
		module.addSerializer(OrgId.class, new ToStringSerializer(OrgId.class));
		module.addDeserializer(OrgId.class, new OrgIdDeserializer());
		// a library that answers with an exception object (the MCP transport does) must
		// not ship its stack
		module.setMixInAnnotation(Throwable.class, QuietThrowable.class);
		return builder -> builder.addModule(module).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	@JsonIgnoreProperties({ "stackTrace", "cause", "suppressed", "localizedMessage" })
	abstract static class QuietThrowable {

	}

	/**
	 * An org id from its string form only; a malformed one is refused naming the field.
	 */
	static final class OrgIdDeserializer extends ValueDeserializer<OrgId> {

		@Override
		public OrgId deserialize(JsonParser p, DeserializationContext ctxt) {
			String field = p.currentName() == null ? "orgId" : p.currentName();
			if (p.currentToken() != JsonToken.VALUE_STRING || !OrgId.isWellFormed(p.getString())) {
				throw ProblemException.invalid(field, field + " must be an org id such as org_0123…");
			}
			return new OrgId(p.getString());
		}

	}

	static final class BoundedDecimalDeserializer extends ValueDeserializer<BigDecimal> {

		@Override
		public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
			return decimal(p);
		}

		@Override
		public Class<?> handledType() {
			return BigDecimal.class;
		}

	}

	/**
	 * Whole numbers by the same rule: Jackson's own would truncate {@code 1.9} to 1 and
	 * read {@code "1\u0000"} as 1 (it trims control characters).
	 */
	static final class BoundedIntegerDeserializer<T extends Number> extends ValueDeserializer<T> {

		private final long min;

		private final long max;

		private final LongFunction<T> convert;

		BoundedIntegerDeserializer(long min, long max, LongFunction<T> convert) {
			this.min = min;
			this.max = max;
			this.convert = convert;
		}

		@Override
		public T deserialize(JsonParser p, DeserializationContext ctxt) {
			String field = field(p);
			BigDecimal value = decimal(p);
			if (value.scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
					|| value.compareTo(BigDecimal.valueOf(max)) > 0) {
				throw ProblemException.invalid(field, field + " must be a whole number between " + min + " and " + max);
			}
			return convert.apply(value.longValueExact());
		}

	}

	private static BigDecimal decimal(JsonParser p) {
		JsonToken token = p.currentToken();
		String field = field(p);
		if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
				|| token == JsonToken.VALUE_STRING) {
			return DecimalInput.parse(field, p.getString());
		}
		throw ProblemException.invalid(field, field + " must be a number");
	}

	private static String field(JsonParser p) {
		return p.currentName() == null ? "value" : p.currentName();
	}

}
