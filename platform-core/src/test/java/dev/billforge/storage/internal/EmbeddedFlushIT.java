package dev.billforge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bson.Document;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Crash simulation: the data file copied right after a write — what a {@code kill -9}
 * would leave — holds the write once {@link EmbeddedMongoServer#flush()} returned,
 * without waiting for the background commit.
 */
class EmbeddedFlushIT {

	@Test
	void aFlushedWriteIsInTheFileAKilledProcessLeaves(@TempDir Path data, @TempDir Path crashed) throws Exception {
		EmbeddedMongoServer server = new EmbeddedMongoServer(data);
		try (MongoClient client = MongoClients.create(server.connectionString("billforge"))) {
			client.getDatabase("billforge").getCollection("ledger").insertOne(new Document("_id", "warm-up"));
			server.flush();
			client.getDatabase("billforge").getCollection("ledger").insertOne(new Document("_id", "grant-1"));
			server.flush();
			Path copy = crashed.resolve("copy.mv.db");
			Files.copy(server.file(), copy);
			MongoServer reopened = new MongoServer(
					new FilteringH2Backend(new MVStore.Builder().fileName(copy.toString()).open()));
			try (MongoClient afterCrash = MongoClients.create("mongodb://127.0.0.1:" + reopened.bind().getPort())) {
				assertThat(afterCrash.getDatabase("billforge")
					.getCollection("ledger")
					.find(new Document("_id", "grant-1"))
					.first()).isNotNull();
			}
			finally {
				reopened.shutdownNow();
			}
		}
		finally {
			server.destroy();
		}
	}

	@Test
	void aFlushWithNothingNewToWriteSkipsTheDisk(@TempDir Path data) {
		EmbeddedMongoServer server = new EmbeddedMongoServer(data);
		try (MongoClient client = MongoClients.create(server.connectionString("billforge"))) {
			var ledger = client.getDatabase("billforge").getCollection("ledger");
			ledger.insertOne(new Document("_id", "grant-1"));
			assertThat(server.flush()).as("a new write is synced").isTrue();
			assertThat(ledger.find(new Document("_id", "grant-1")).first()).isNotNull();
			assertThat(server.flush()).as("only a read since the last sync").isFalse();
			ledger.insertOne(new Document("_id", "grant-2"));
			assertThat(server.flush()).as("a write after the sync").isTrue();
		}
		finally {
			server.destroy();
		}
	}

}
