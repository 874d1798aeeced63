package dev.billforge.storage.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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

	@Test
	void queriesThatPinTheIdNextToOtherConditionsAnswerAsAFullScanWould() {
		MongoServer server = new MongoServer(new FilteringH2Backend(new MVStore.Builder().open()));
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			var docs = client.getDatabase("test").getCollection("docs");
			List<Document> many = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				many.add(new Document("_id", "k" + i).append("org", "o" + (i % 3)).append("v", i % 5));
			}
			docs.insertMany(many);

			assertThat(docs.find(Filters.and(Filters.eq("_id", "k7"), Filters.eq("v", 2))).into(new ArrayList<>()))
				.extracting(d -> d.getString("_id"))
				.containsExactly("k7");
			assertThat(docs.find(Filters.and(Filters.eq("_id", "k7"), Filters.eq("v", 3))).first()).isNull();
			assertThat(docs.find(new Document("_id", "k8").append("org", "o2")).first()).isNotNull();
			assertThat(docs
				.find(Filters.and(Filters.in("_id", List.of("k1", "k2", "k3", "nope")), Filters.eq("org", "o1")))
				.into(new ArrayList<>())).extracting(d -> d.getString("_id")).containsExactly("k1");
			// a compare-and-set by version: the second write with the old version changes
			// nothing
			assertThat(docs
				.replaceOne(Filters.and(Filters.eq("_id", "k9"), Filters.eq("v", 4)),
						new Document("_id", "k9").append("org", "o0").append("v", 5))
				.getModifiedCount()).isEqualTo(1);
			assertThat(docs
				.replaceOne(Filters.and(Filters.eq("_id", "k9"), Filters.eq("v", 4)),
						new Document("_id", "k9").append("org", "o0").append("v", 5))
				.getMatchedCount()).isZero();
			assertThat(docs.countDocuments(Filters.eq("v", 5))).isEqualTo(1);
		}
		finally {
			server.shutdownNow();
		}
	}

	@Test
	void onlyQueriesPinningTheIdByValueOrInAreReadThroughTheIdIndex() {
		var id = new de.bwaldvogel.mongo.bson.Document("_id", "k1");
		assertThat(IdLedH2Collection.pinnedId(new de.bwaldvogel.mongo.bson.Document("_id", "k1").append("v", 2)))
			.isEqualTo("k1");
		assertThat(IdLedH2Collection.pinnedId(new de.bwaldvogel.mongo.bson.Document("$and",
				List.of(id, new de.bwaldvogel.mongo.bson.Document("v", 2)))))
			.isEqualTo("k1");
		var in = new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"));
		assertThat(IdLedH2Collection.pinnedId(new de.bwaldvogel.mongo.bson.Document("_id", in).append("org", "o")))
			.isEqualTo(in);
		// upstream already uses the index for the id alone; ranges and regular
		// expressions are not pinned
		assertThat(IdLedH2Collection.pinnedId(id)).isNull();
		assertThat(IdLedH2Collection
			.pinnedId(new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$gte", "k"))
				.append("v", 1)))
			.isNull();
		assertThat(IdLedH2Collection.pinnedId(new de.bwaldvogel.mongo.bson.Document("$or",
				List.of(id, new de.bwaldvogel.mongo.bson.Document("v", 2)))))
			.isNull();
	}

	private static List<String> names(MongoDatabase database, Document filter) {
		List<String> names = new ArrayList<>();
		database.listCollections().filter(filter).forEach(info -> names.add(info.getString("name")));
		return names;
	}

}
