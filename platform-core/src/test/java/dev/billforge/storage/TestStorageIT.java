package dev.billforge.storage;

import java.nio.file.Path;
import java.util.ArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static dev.billforge.storage.StorageTestSupport.startStandInMongo;
import static dev.billforge.storage.StorageTestSupport.uriOf;
import static org.assertj.core.api.Assertions.assertThat;

class TestStorageIT {

	@Test
	void externalTestStorageUsesAFreshDatabaseAndDropsItOnClose() {
		MongoServer mongo = startStandInMongo();
		try (MongoClient client = MongoClients.create(uriOf(mongo))) {
			TestStorage storage = TestStorage.external(uriOf(mongo));
			try (ConfigurableApplicationContext context = storage.run(TestApplication.class)) {
				assertThat(context.getBean(StorageMode.class).database()).isEqualTo(storage.database())
					.startsWith("bf_test_");
			}
			assertThat(client.listDatabaseNames().into(new ArrayList<>())).contains(storage.database());

			storage.close();
			assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain(storage.database());
			assertThat(storage.dataDirectory()).doesNotExist();
		}
		finally {
			mongo.shutdownNow();
		}
	}

	@Test
	void embeddedTestStorageDeletesItsDirectoryOnClose() {
		Path directory;
		try (TestStorage storage = TestStorage.embedded();
				ConfigurableApplicationContext context = storage.run(TestApplication.class)) {
			directory = storage.dataDirectory();
			assertThat(context.getBean(StorageMode.class).isEmbedded()).isTrue();
		}
		assertThat(directory).doesNotExist();
	}

}
