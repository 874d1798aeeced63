package dev.billforge.storage;

import java.util.ArrayList;

import com.mongodb.client.MongoClient;
import dev.billforge.testsupport.TestStorage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application beans are created before auto-configured ones, so these would see an
 * unmigrated database if Mongo beans did not wait for the migration.
 */
class MigrationsRunFirstIT {

	@Test
	void beansThatUseMongoDuringStartupSeeTheMigratedSchema() {
		try (TestStorage storage = TestStorage.create();
				ConfigurableApplicationContext context = storage.run(UsesMongoAtStartup.class)) {
			assertThat(context.getBean("viaTemplate", Boolean.class)).isTrue();
			assertThat(context.getBean("viaClient", Boolean.class)).isTrue();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class UsesMongoAtStartup {

		@Bean
		Boolean viaTemplate(MongoTemplate mongo) {
			return mongo.collectionExists("shedlock");
		}

		@Bean
		Boolean viaClient(MongoClient client, StorageMode mode) {
			return client.getDatabase(mode.database())
				.listCollectionNames()
				.into(new ArrayList<>())
				.contains("shedlock");
		}

	}

}
