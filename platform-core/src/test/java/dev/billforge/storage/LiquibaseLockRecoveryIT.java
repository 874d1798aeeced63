package dev.billforge.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import dev.billforge.storage.internal.ConnectionStrings;
import dev.billforge.storage.internal.EmbeddedMongoServer;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;
import liquibase.Scope;
import liquibase.ext.mongodb.database.MongoClientDriver;
import liquibase.ext.mongodb.database.MongoConnection;
import liquibase.ext.mongodb.database.MongoLiquibaseDatabase;
import liquibase.lockservice.LockServiceFactory;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static dev.billforge.storage.StorageTestSupport.startStandInMongo;
import static dev.billforge.storage.StorageTestSupport.uriOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// Sets a JVM-wide Liquibase system property while it runs: no other class may start an app meanwhile.
@Isolated
class LiquibaseLockRecoveryIT {

	private static final String LOCKS = "DATABASECHANGELOGLOCK";

	@Test
	void aLockLeftByACrashedRunOnTheEmbeddedServerIsReleasedAtStartup() throws Exception {
		try (TestStorage storage = TestStorage.embedded()) {
			EmbeddedMongoServer server = new EmbeddedMongoServer(storage.dataDirectory());
			try {
				acquireLockAndCrash(server.connectionString("billforge"));
				assertThat(lockDocument(server.connectionString("billforge")).getBoolean("locked")).isTrue();
			}
			finally {
				server.destroy();
			}

			try (ConfigurableApplicationContext context = storage.run(TestApplication.class)) {
				MongoTemplate mongo = context.getBean(MongoTemplate.class);
				assertThat(mongo.collectionExists("shedlock")).isTrue();
				assertThat(mongo.getCollection(LOCKS).find(new Document("locked", true)).first()).isNull();
			}
		}
	}

	@Test
	void aLockOlderThanTheStaleLimitOnAnExternalMongoIsReleasedAtStartup() throws Exception {
		MongoServer mongo = startStandInMongo();
		try (TestStorage storage = TestStorage.external(uriOf(mongo))) {
			String uri = ConnectionStrings.withDatabase(uriOf(mongo), storage.database());
			acquireLockAndCrash(uri);
			backdateLock(uri, Instant.now().minus(11, ChronoUnit.MINUTES));

			try (ConfigurableApplicationContext context = storage.run(TestApplication.class)) {
				assertThat(context.getBean(StorageMode.class).kind()).isEqualTo(StorageMode.Kind.EXTERNAL);
				assertThat(context.getBean(MongoTemplate.class).collectionExists("shedlock")).isTrue();
			}
			assertThat(lockDocument(uri).getBoolean("locked")).isFalse();
		}
		finally {
			mongo.shutdownNow();
		}
	}

	@Test
	void aRecentLockOnAnExternalMongoIsLeftToItsOwner() throws Exception {
		MongoServer mongo = startStandInMongo();
		String previousWait = System.getProperty("liquibase.changelogLockWaitTimeInMinutes");
		try (TestStorage storage = TestStorage.external(uriOf(mongo))) {
			String uri = ConnectionStrings.withDatabase(uriOf(mongo), storage.database());
			acquireLockAndCrash(uri);
			backdateLock(uri, Instant.now().minus(2, ChronoUnit.MINUTES));
			// Do not wait the default 5 minutes for the (live, as far as we can tell)
			// owner.
			System.setProperty("liquibase.changelogLockWaitTimeInMinutes", "0");

			assertThatThrownBy(() -> storage.run(TestApplication.class).close())
				.hasStackTraceContaining("Could not acquire change log lock");
			assertThat(lockDocument(uri).getBoolean("locked")).isTrue();
		}
		finally {
			if (previousWait == null) {
				System.clearProperty("liquibase.changelogLockWaitTimeInMinutes");
			}
			else {
				System.setProperty("liquibase.changelogLockWaitTimeInMinutes", previousWait);
			}
			mongo.shutdownNow();
		}
	}

	/** What a run killed between "lock" and "unlock" leaves behind. */
	private static void acquireLockAndCrash(String uriWithDatabase) throws Exception {
		Scope.child(Map.of("liquibase.analytics.enabled", Boolean.FALSE), () -> {
			Properties properties = new Properties();
			properties.setProperty("appName", "crashing-run");
			MongoConnection connection = new MongoConnection();
			connection.open(uriWithDatabase, new MongoClientDriver(), properties);
			MongoLiquibaseDatabase database = new MongoLiquibaseDatabase();
			database.setSupportsValidator(false);
			database.setConnection(connection);
			assertThat(LockServiceFactory.getInstance().getLockService(database).acquireLock()).isTrue();
			LockServiceFactory.getInstance().resetAll();
			connection.close();
		});
	}

	private static void backdateLock(String uriWithDatabase, Instant granted) {
		try (MongoClient client = MongoClients.create(uriWithDatabase)) {
			locks(client, uriWithDatabase).updateOne(new Document("_id", 1),
					new Document("$set", new Document("lockGranted", Date.from(granted))));
		}
	}

	private static Document lockDocument(String uriWithDatabase) {
		try (MongoClient client = MongoClients.create(uriWithDatabase)) {
			Document lock = locks(client, uriWithDatabase).find(new Document("_id", 1)).first();
			assertThat(lock).isNotNull();
			return lock;
		}
	}

	private static MongoCollection<Document> locks(MongoClient client, String uriWithDatabase) {
		String database = new com.mongodb.ConnectionString(uriWithDatabase).getDatabase();
		return client.getDatabase(database).getCollection(LOCKS);
	}

}
