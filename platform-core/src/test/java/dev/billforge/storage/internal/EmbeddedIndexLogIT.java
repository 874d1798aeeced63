package dev.billforge.storage.internal;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

// Alone: the captured output is the whole JVM's, and other classes' stores log the same line.
@Isolated
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedIndexLogIT {

	@Test
	void indexesTheStoreDoesNotBuildAreListedInOneInfoLineNotAWarnEach(@TempDir Path dir, CapturedOutput output) {
		EmbeddedMongoServer server = new EmbeddedMongoServer(dir);
		try (MongoClient client = MongoClients.create(server.connectionString("billforge"))) {
			MongoCollection<Document> events = client.getDatabase("billforge").getCollection("events");
			events.createIndex(Indexes.ascending("orgId", "at"), new IndexOptions().name("org_at"));
			events.createIndex(Indexes.ascending("dueAt"), new IndexOptions().name("due"));
			events.createIndex(Indexes.ascending("key"), new IndexOptions().name("key_unique").unique(true));
			events.insertOne(new Document("orgId", "o").append("at", 1).append("key", "k"));

			assertThat(server.ignoredIndexes()).containsExactly("billforge.events.due", "billforge.events.org_at");
			assertThat(output).doesNotContain("is not yet implemented");

			server.onApplicationEvent(null);
			assertThat(output.getOut().lines().filter(line -> line.contains("does not build"))).singleElement()
				.satisfies(line -> assertThat(line)
					.contains("INFO", "2 secondary indexes", "billforge.events.due", "billforge.events.org_at")
					.doesNotContain("key_unique"));
		}
		finally {
			server.destroy();
		}
	}

}
