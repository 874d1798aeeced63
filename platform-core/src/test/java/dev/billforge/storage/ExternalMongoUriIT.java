package dev.billforge.storage;

import de.bwaldvogel.mongo.MongoServer;
import dev.billforge.storage.internal.EmbeddedMongoServer;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static dev.billforge.storage.StorageTestSupport.startStandInMongo;
import static dev.billforge.storage.StorageTestSupport.uriOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code MONGODB_URI} is read like any property, so passing it as an argument exercises
 * the same path as the env var. The stand-in server is reached over the wire exactly like
 * a real MongoDB.
 */
class ExternalMongoUriIT {

	private MongoServer standIn;

	private TestStorage storage;

	@BeforeEach
	void start() {
		standIn = startStandInMongo();
		storage = TestStorage.embedded(); // only for its empty data directory
	}

	@AfterEach
	void stop() {
		storage.close();
		standIn.shutdownNow();
	}

	@Test
	void mongodbUriSwitchesToThatServerAndDefaultsTheDatabaseToBillforge() {
		try (ConfigurableApplicationContext context = start("--MONGODB_URI=" + uriOf(standIn))) {
			StorageMode mode = context.getBean(StorageMode.class);
			assertThat(mode.kind()).isEqualTo(StorageMode.Kind.EXTERNAL);
			assertThat(mode.database()).isEqualTo("billforge");
			assertThat(context.getBeansOfType(EmbeddedMongoServer.class)).isEmpty();
			assertThat(storage.dataDirectory().resolve(EmbeddedMongoServer.FILE_NAME)).doesNotExist();

			context.getBean(MongoTemplate.class).getCollection("notes").insertOne(new Document("_id", "n1"));
		}
		try (MongoClient client = MongoClients.create(uriOf(standIn))) {
			assertThat(client.getDatabase("billforge").listCollectionNames().into(new java.util.ArrayList<>()))
				.contains("shedlock", "notes", "DATABASECHANGELOG");
		}
	}

	@Test
	void aDatabaseNamedInTheUriIsUsed() {
		try (ConfigurableApplicationContext context = start("--MONGODB_URI=" + uriOf(standIn) + "/docrouter")) {
			assertThat(context.getBean(StorageMode.class).database()).isEqualTo("docrouter");
			assertThat(context.getBean(MongoTemplate.class).getDb().getName()).isEqualTo("docrouter");
		}
		try (MongoClient client = MongoClients.create(uriOf(standIn))) {
			assertThat(client.getDatabase("docrouter").listCollectionNames().into(new java.util.ArrayList<>()))
				.contains("shedlock");
		}
	}

	@Test
	void springMongodbUriWinsOverMongodbUri() {
		try (ConfigurableApplicationContext context = start("--MONGODB_URI=mongodb://127.0.0.1:1/unused",
				"--spring.mongodb.uri=" + uriOf(standIn) + "/chosen")) {
			assertThat(context.getBean(StorageMode.class).kind()).isEqualTo(StorageMode.Kind.EXTERNAL);
			assertThat(context.getBean(MongoTemplate.class).collectionExists("shedlock")).isTrue();
			assertThat(context.getBean(StorageMode.class).database()).isEqualTo("chosen");
		}
	}

	private ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--billforge.storage.data-dir=" + storage.dataDirectory();
		all[args.length + 1] = "--server.port=0";
		return new SpringApplicationBuilder(TestApplication.class).run(all);
	}

}
