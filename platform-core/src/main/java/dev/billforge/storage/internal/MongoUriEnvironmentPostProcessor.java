package dev.billforge.storage.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.ConnectionString;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Maps env {@code MONGODB_URI} to Boot's {@code spring.mongodb.uri} when the latter is
 * blank, and defaults {@code spring.mongodb.database} to {@value #DEFAULT_DATABASE} when
 * neither that property nor the URI names a database. Runs after config data so
 * {@code application.yml} values win.
 */
public class MongoUriEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	public static final String ENV_MONGODB_URI = "MONGODB_URI";

	public static final String URI_PROPERTY = "spring.mongodb.uri";

	public static final String DATABASE_PROPERTY = "spring.mongodb.database";

	public static final String DEFAULT_DATABASE = "billforge";

	static final String PROPERTY_SOURCE_NAME = "billforgeStorageDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> values = new LinkedHashMap<>();
		String uri = text(environment, URI_PROPERTY);
		if (uri == null) {
			uri = text(environment, ENV_MONGODB_URI);
			if (uri != null) {
				values.put(URI_PROPERTY, uri);
			}
		}
		if (text(environment, DATABASE_PROPERTY) == null && databaseIn(uri) == null) {
			values.put(DATABASE_PROPERTY, DEFAULT_DATABASE);
		}
		if (!values.isEmpty()) {
			// Only keys that are blank or absent are set here, so putting this first
			// overrides nothing
			// but an explicitly blank value (e.g. SPRING_MONGODB_URI= in a compose file).
			environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, values));
		}
	}

	private static @Nullable String databaseIn(@Nullable String uri) {
		if (uri == null) {
			return null;
		}
		try {
			return new ConnectionString(uri).getDatabase();
		}
		catch (IllegalArgumentException ex) {
			// Boot reports the malformed URI with a proper message when it builds the
			// client.
			return null;
		}
	}

	static @Nullable String text(Environment environment, String key) {
		String value = environment.getProperty(key);
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
