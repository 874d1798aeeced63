package dev.billforge.storage;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.billforge.storage.internal.EmbeddedMongoServer;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import static dev.billforge.storage.StorageTestSupport.acceptsConnections;
import static dev.billforge.storage.StorageTestSupport.changelogEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// Alone: it counts the JVM's embedded-server threads, which parallel classes' servers would add to.
@Isolated
class EmbeddedStorageIT {

	@Test
	void dataWrittenBeforeARestartIsThereAfterIt() {
		try (TestStorage storage = TestStorage.create()) {
			try (ConfigurableApplicationContext first = storage.run(TestApplication.class)) {
				assertThat(first.getBean(StorageMode.class).isEmbedded()).isEqualTo(!storage.isExternal());
				first.getBean(MongoTemplate.class)
					.getCollection("notes")
					.insertOne(new Document("_id", "n1").append("text", "survives restarts"));
			}
			try (ConfigurableApplicationContext second = storage.run(TestApplication.class)) {
				Document note = second.getBean(MongoTemplate.class)
					.getCollection("notes")
					.find(new Document("_id", "n1"))
					.first();
				assertThat(note).isNotNull();
				assertThat(note.getString("text")).isEqualTo("survives restarts");
			}
		}
	}

	@Test
	void embeddedDataLivesInTheDataDirectoryUnderTheBillforgeDatabase() {
		try (TestStorage storage = TestStorage.embedded();
				ConfigurableApplicationContext context = storage.run(TestApplication.class)) {
			StorageMode mode = context.getBean(StorageMode.class);
			assertThat(mode.kind()).isEqualTo(StorageMode.Kind.EMBEDDED);
			assertThat(mode.dataDirectory()).isEqualTo(storage.dataDirectory().toAbsolutePath().normalize());
			assertThat(mode.database()).isEqualTo("billforge");
			assertThat(context.getBean(MongoTemplate.class).getDb().getName()).isEqualTo("billforge");
			assertThat(storage.dataDirectory().resolve(EmbeddedMongoServer.FILE_NAME)).isRegularFile();
		}
	}

	@Test
	void migrationsCreateTheShedlockCollectionAndASecondRunAppliesNothing() {
		try (TestStorage storage = TestStorage.create()) {
			List<Document> afterFirstRun;
			try (ConfigurableApplicationContext first = storage.run(TestApplication.class)) {
				assertThat(first.getBean(MongoTemplate.class).collectionExists("shedlock")).isTrue();
				afterFirstRun = changelogEntries(first);
				assertThat(afterFirstRun).extracting(entry -> entry.getString("fileName"))
					.contains("db/changelog/core/0000-storage.yaml");
			}
			try (ConfigurableApplicationContext second = storage.run(TestApplication.class)) {
				List<Document> afterSecondRun = changelogEntries(second);
				assertThat(afterSecondRun).hasSameSizeAs(afterFirstRun);
				assertThat(afterSecondRun).extracting(entry -> entry.get("dateExecuted"))
					.containsExactlyElementsOf(afterFirstRun.stream().map(entry -> entry.get("dateExecuted")).toList());
			}
		}
	}

	@Test
	void aFailedStartupStopsTheEmbeddedServerAndReleasesTheDataDirectory() throws InterruptedException {
		try (TestStorage storage = TestStorage.embedded()) {
			List<Thread> before = serverThreads();
			FailsAfterServerStarted.port.set(-1);
			assertThatThrownBy(() -> storage.run(FailsAfterServerStarted.class))
				.hasStackTraceContaining("startup failure after the embedded server started");

			int port = FailsAfterServerStarted.port.get();
			assertThat(port).isPositive();
			assertThat(acceptsConnections(port)).isFalse();
			assertThat(serverThreadsLeftAfterJoining(before)).isEmpty();
			// The data file is released too: the next start on the same directory works.
			try (ConfigurableApplicationContext context = storage.run(TestApplication.class)) {
				assertThat(context.getBean(StorageMode.class).isEmbedded()).isTrue();
			}
		}
	}

	@Test
	void aSecondServerOnTheSameDataDirectoryIsRefusedWithAClearMessage() {
		try (TestStorage storage = TestStorage.embedded()) {
			EmbeddedMongoServer first = new EmbeddedMongoServer(storage.dataDirectory());
			try {
				assertThatThrownBy(() -> new EmbeddedMongoServer(storage.dataDirectory()))
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("another Billforge process using this data directory");
			}
			finally {
				first.destroy();
			}
		}
	}

	@Test
	void closingTheContextStopsTheEmbeddedServer() throws InterruptedException {
		try (TestStorage storage = TestStorage.embedded()) {
			List<Thread> before = serverThreads();
			int port;
			try (ConfigurableApplicationContext context = storage.run(TestApplication.class)) {
				port = context.getBean(EmbeddedMongoServer.class).port();
				assertThat(acceptsConnections(port)).isTrue();
				assertThat(serverThreads()).hasSizeGreaterThan(before.size());
			}
			assertThat(acceptsConnections(port)).isFalse();
			assertThat(serverThreadsLeftAfterJoining(before)).isEmpty();
		}
	}

	private static List<Thread> serverThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> thread.isAlive() && thread.getName().startsWith("mongo-server"))
			.toList();
	}

	/**
	 * Server threads started since {@code before} (other test classes' cached contexts
	 * may run servers too) that are still alive. Netty completes its termination future
	 * just before its threads exit, so give them a moment.
	 */
	private static List<Thread> serverThreadsLeftAfterJoining(List<Thread> before) throws InterruptedException {
		List<Thread> started = serverThreads().stream().filter(thread -> !before.contains(thread)).toList();
		for (Thread thread : started) {
			thread.join(5_000);
		}
		return started.stream().filter(Thread::isAlive).toList();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class FailsAfterServerStarted {

		static final AtomicInteger port = new AtomicInteger(-1);

		@Bean
		Object failingBean(EmbeddedMongoServer server) {
			port.set(server.port());
			throw new IllegalStateException("startup failure after the embedded server started");
		}

	}

}
