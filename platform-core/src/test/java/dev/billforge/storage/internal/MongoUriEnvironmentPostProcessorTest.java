package dev.billforge.storage.internal;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class MongoUriEnvironmentPostProcessorTest {

	@Test
	void mongodbUriFromTheEnvironmentBecomesSpringMongodbUri() {
		StandardEnvironment environment = environment(Map.of("MONGODB_URI", "mongodb://db.example:27017/docrouter"),
				Map.of());
		postProcess(environment);
		assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://db.example:27017/docrouter");
		assertThat(environment.getProperty("spring.mongodb.database")).isNull();
	}

	@Test
	void aConfiguredSpringMongodbUriIsKept() {
		StandardEnvironment environment = environment(Map.of("MONGODB_URI", "mongodb://env-host/a"),
				Map.of("spring.mongodb.uri", "mongodb://config-host/b"));
		postProcess(environment);
		assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://config-host/b");
	}

	@Test
	void aBlankSpringMongodbUriCountsAsUnset() {
		StandardEnvironment environment = environment(Map.of("MONGODB_URI", "mongodb://env-host/a"),
				Map.of("spring.mongodb.uri", " "));
		postProcess(environment);
		assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://env-host/a");
	}

	@Test
	void theDatabaseDefaultsToBillforgeWhenNothingNamesOne() {
		StandardEnvironment environment = environment(Map.of("MONGODB_URI", "mongodb://env-host:27017/?tls=true"),
				Map.of());
		postProcess(environment);
		assertThat(environment.getProperty("spring.mongodb.database")).isEqualTo("billforge");

		StandardEnvironment embedded = environment(Map.of(), Map.of());
		postProcess(embedded);
		assertThat(embedded.getProperty("spring.mongodb.uri")).isNull();
		assertThat(embedded.getProperty("spring.mongodb.database")).isEqualTo("billforge");
	}

	@Test
	void aConfiguredDatabaseIsKept() {
		StandardEnvironment environment = environment(Map.of(), Map.of("spring.mongodb.database", "mine"));
		postProcess(environment);
		assertThat(environment.getProperty("spring.mongodb.database")).isEqualTo("mine");
	}

	@Test
	void isRegisteredForSpringBoot4() {
		// Boot's own post-processors need constructor arguments; skip them, ours has a
		// default constructor.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(EnvironmentPostProcessor.class, null, (type, name, failure) -> {
			})).hasAtLeastOneElementOfType(MongoUriEnvironmentPostProcessor.class);
	}

	private static void postProcess(StandardEnvironment environment) {
		new MongoUriEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
	}

	private static StandardEnvironment environment(Map<String, Object> env, Map<String, Object> config) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(env)));
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new MapPropertySource("config", new HashMap<>(config)));
		return environment;
	}

}
