package dev.billforge.telemetry.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import dev.billforge.common.DecimalInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two OTLP/HTTP encodings, chosen by {@code Content-Type} and answered in the same
 * one. OTLP JSON differs from protobuf's JSON mapping in its ids: they are hex, where
 * {@link JsonFormat} expects base64, so they are checked and converted before parsing;
 * unknown fields are ignored, enums may be integers (both as the OTLP specification
 * says).
 */
enum OtlpFormat {

	PROTOBUF("application/x-protobuf"), JSON("application/json");

	/**
	 * Id fields of OTLP JSON and their length in bytes (spans, links, log records,
	 * exemplars).
	 */
	private static final Map<String, Integer> ID_FIELDS = Map.of("traceId", 16, "trace_id", 16, "spanId", 8, "span_id",
			8, "parentSpanId", 8, "parent_span_id", 8);

	private final String mediaType;

	OtlpFormat(String mediaType) {
		this.mediaType = mediaType;
	}

	String mediaType() {
		return mediaType;
	}

	/** The format of a Content-Type, or a 415 rejection (answered in JSON). */
	static OtlpFormat of(String contentType) {
		String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return switch (type) {
			case "application/x-protobuf", "application/protobuf" -> PROTOBUF;
			case "application/json" -> JSON;
			default -> throw new OtlpRejection(415, OtlpRejection.INVALID_ARGUMENT,
					"unsupported Content-Type '" + type + "'; send application/x-protobuf or application/json");
		};
	}

	/** Parses a request into {@code builder}; malformed input is a 400 rejection. */
	<B extends Message.Builder> B parse(byte[] body, B builder, int maxJsonDepth) {
		try {
			if (this == PROTOBUF) {
				CodedInputStream in = CodedInputStream.newInstance(body);
				builder.mergeFrom(in);
				in.checkLastTagWas(0);
			}
			else {
				JsonFormat.parser().ignoringUnknownFields().merge(hexIdsToBase64(body, maxJsonDepth), builder);
			}
			return builder;
		}
		catch (InvalidProtocolBufferException ex) {
			throw OtlpRejection.invalid(
					(this == PROTOBUF ? "malformed protobuf: " : "invalid OTLP JSON: ") + firstLine(ex.getMessage()));
		}
		catch (java.io.IOException | RuntimeException ex) {
			if (ex instanceof OtlpRejection rejection) {
				throw rejection;
			}
			throw OtlpRejection.invalid((this == PROTOBUF ? "malformed protobuf" : "invalid OTLP JSON") + ": "
					+ firstLine(ex.getMessage()));
		}
	}

	byte[] print(Message message) {
		if (this == PROTOBUF) {
			return message.toByteArray();
		}
		try {
			return JsonFormat.printer()
				.omittingInsignificantWhitespace()
				.print(message)
				.getBytes(StandardCharsets.UTF_8);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	byte[] status(int code, String message) {
		return this == PROTOBUF ? RpcStatus.protobuf(code, message) : RpcStatus.json(code, message);
	}

	private static String hexIdsToBase64(byte[] body, int maxDepth) {
		// Numbers are kept exactly as sent (no double in between that would turn 1.000…01
		// into an
		// integer or 1e-400 into 0) and their text is bounded by DecimalInput's length; a
		// key given
		// twice is refused instead of keeping the last value.
		JsonMapper mapper = JsonMapper
			.builder(JsonFactory.builder()
				.streamReadConstraints(StreamReadConstraints.builder()
					.maxNestingDepth(maxDepth)
					.maxNumberLength(DecimalInput.MAX_LENGTH)
					.build())
				.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.build())
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
			.build();
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw OtlpRejection.invalid("invalid JSON: " + firstLine(ex.getOriginalMessage()));
		}
		if (root == null || !root.isObject()) {
			throw OtlpRejection.invalid("invalid OTLP JSON: the body must be a JSON object");
		}
		convertIds(root);
		return mapper.writeValueAsString(root);
	}

	private static void convertIds(JsonNode node) {
		if (node.isArray()) {
			node.forEach(OtlpFormat::convertIds);
			return;
		}
		if (!node.isObject()) {
			return;
		}
		ObjectNode object = (ObjectNode) node;
		for (String name : java.util.List.copyOf(object.propertyNames())) {
			JsonNode value = object.get(name);
			Integer bytes = ID_FIELDS.get(name);
			if (bytes != null && value.isString()) {
				object.put(name, base64(name, value.stringValue(), bytes));
			}
			else if (DOUBLE_FIELDS.contains(name)) {
				requireExactDouble(name, value);
			}
			else if (value.isArray() && !SCALAR_LISTS.contains(name) && hasScalar(value)) {
				// the protobuf parser would read ["a"] as "a" and [1] as 1
				throw OtlpRejection.invalid(name + " must not be a list of values");
			}
			else {
				convertIds(value);
			}
		}
	}

	private static String base64(String field, String hex, int bytes) {
		if (hex.isEmpty()) {
			return "";
		}
		if (hex.length() != bytes * 2) {
			throw OtlpRejection
				.invalid(field + " must be " + bytes * 2 + " hex digits, got " + Math.min(hex.length(), 999));
		}
		try {
			return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
		}
		catch (IllegalArgumentException ex) {
			throw OtlpRejection.invalid(field + " must be hex digits");
		}
	}

	/**
	 * Attribute and data point doubles: a number a double cannot hold as sent (1e-400, 36
	 * digits) is refused.
	 */
	private static final java.util.Set<String> DOUBLE_FIELDS = java.util.Set.of("doubleValue", "double_value",
			"asDouble", "as_double");

	/**
	 * The OTLP fields that are lists of plain values (histogram buckets and bounds);
	 * other lists hold objects.
	 */
	private static final java.util.Set<String> SCALAR_LISTS = java.util.Set.of("bucketCounts", "bucket_counts",
			"explicitBounds", "explicit_bounds");

	private static boolean hasScalar(JsonNode list) {
		for (JsonNode item : list) {
			if (!item.isObject()) {
				return true;
			}
		}
		return false;
	}

	private static void requireExactDouble(String field, JsonNode value) {
		if (value.isArray()) {
			throw OtlpRejection.invalid(field + " must not be a list of values"); // read
																					// as
																					// its
																					// one
																					// item
																					// otherwise
		}
		if (!value.isNumber() && !value.isString()) {
			return; // the protobuf parser refuses other types
		}
		String text = value.isNumber() ? value.decimalValue().toString() : value.stringValue();
		if (value.isString() && (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity"))) {
			return; // proto3 JSON spells these; attributes refuse them later
		}
		java.math.BigDecimal exact;
		try {
			exact = text.length() > DecimalInput.MAX_LENGTH ? null : new java.math.BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			exact = null;
		}
		double asDouble = exact == null ? Double.NaN : exact.doubleValue();
		if (exact == null || Double.isInfinite(asDouble)
				|| (exact.signum() != 0 && java.math.BigDecimal.valueOf(asDouble).compareTo(exact) != 0)) {
			throw OtlpRejection.invalid(field + " must be a number a double holds exactly as written");
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		String line = message.lines().findFirst().orElse("");
		return line.length() > 200 ? line.substring(0, 200) : line;
	}

}
