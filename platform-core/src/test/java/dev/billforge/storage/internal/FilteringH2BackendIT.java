package dev.billforge.storage.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilteringH2BackendIT {

	@Test
	void listCollectionsHonoursItsFilter() {
		MongoServer server = new MongoServer(new FilteringH2Backend(new MVStore.Builder().open()));
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			MongoDatabase database = client.getDatabase("test");
			database.createCollection("alpha");
			database.createCollection("beta");

			assertThat(names(database, new Document("name", "beta"))).containsExactly("beta");
			assertThat(names(database, new Document("name", "gamma"))).isEmpty();
			assertThat(names(database, new Document("name", new Document("$in", List.of("alpha", "beta")))))
				.containsExactlyInAnyOrder("alpha", "beta");
			assertThat(names(database, new Document())).containsExactlyInAnyOrder("alpha", "beta");
		}
		finally {
			server.shutdownNow();
		}
	}

	@Test
	void helloIsAnsweredOnTheApplicationsDatabaseAsSpringBootsHealthCheckSendsIt() {
		MongoServer server = new MongoServer(new FilteringH2Backend(new MVStore.Builder().open()));
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			Document reply = client.getDatabase("billforge").runCommand(new Document("hello", 1));

			assertThat(reply.get("ok", Number.class).intValue()).isEqualTo(1);
			assertThat(reply.getBoolean("isWritablePrimary")).isTrue();
			assertThat(reply.get("maxWireVersion", Number.class).intValue()).isPositive();
		}
		finally {
			server.shutdownNow();
		}
	}

	private static List<String> names(MongoDatabase database, Document filter) {
		List<String> names = new ArrayList<>();
		database.listCollections().filter(filter).forEach(info -> names.add(info.getString("name")));
		return names;
	}

}
