package dev.billforge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;

/**
 * The embedded store accepts non-unique indexes without building them (performance-only on a real MongoDB):
 * it names them for one INFO line instead of logging a WARN per index at every start.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnbuiltIndexesIT {

	@Test
	void nonUniqueIndexesAreListedAtEveryStartWithoutAWarnEach(@TempDir Path data, CapturedOutput output) {
		EmbeddedMongoServer first = new EmbeddedMongoServer(data);
		try (MongoClient client = MongoClients.create(first.connectionString("app"))) {
			var collection = client.getDatabase("app").getCollection("notifications");
			collection.createIndex(new Document("orgId", 1).append("createdAt", -1),
					new IndexOptions().name("notifications_org_createdAt"));
			collection.createIndex(new Document("token", 1), new IndexOptions().name("token_unique").unique(true));
			assertThat(first.unbuiltIndexes()).containsExactly("notifications.notifications_org_createdAt");
		}
		finally {
			first.destroy();
		}

		EmbeddedMongoServer second = new EmbeddedMongoServer(data);
		try (MongoClient client = MongoClients.create(second.connectionString("app"))) {
			client.getDatabase("app").getCollection("notifications").countDocuments();
			assertThat(second.unbuiltIndexes()).as("reopened from the data file")
				.containsExactly("notifications.notifications_org_createdAt");
		}
		finally {
			second.destroy();
		}
		assertThat(output.getAll()).doesNotContain("is not yet implemented");
	}

}
