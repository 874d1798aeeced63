package dev.billforge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded server's unique indexes compare keys by value, and stores written before
 * keep working.
 */
class ValueOrderedKeysIT {

	@TempDir
	Path dir;

	private void withCollection(Path file, Function<MVStore, MongoBackend> backend,
			Consumer<MongoCollection<Document>> work) {
		MVStore store = new MVStore.Builder().fileName(file.toString()).open();
		MongoServer server = new MongoServer(backend.apply(store));
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			work.accept(client.getDatabase("test").getCollection("ops"));
		}
		finally {
			server.shutdownNow();
			store.close();
		}
	}

	private static List<Document> keys(int count) {
		List<Document> docs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			docs.add(new Document("_id", "org_" + (i % 7) + "|usage:" + Integer.toHexString(i * 7919)).append("n", i));
		}
		return docs;
	}

	private static void everyKeyIsFoundAndUnique(MongoCollection<Document> ops, List<Document> docs) {
		for (Document doc : docs) {
			assertThat(ops.find(Filters.eq("_id", doc.get("_id"))).first()).isEqualTo(doc);
		}
		List<Object> some = docs.stream().limit(50).map(doc -> doc.get("_id")).toList();
		assertThat(ops.find(Filters.in("_id", some))).hasSize(50);
		assertThatThrownBy(() -> ops.insertOne(new Document(docs.get(3)))).isInstanceOfSatisfying(
				MongoWriteException.class, ex -> assertThat(ex.getError().getCode()).isEqualTo(11000));
	}

	@Test
	void aNewStoreFindsEveryKeyAfterARestartAndSortsIdsLikeMongoDb() {
		Path file = dir.resolve("new.mv.db");
		List<Document> docs = keys(3000);
		withCollection(file, FilteringH2Backend::new, ops -> ops.insertMany(docs));

		withCollection(file, FilteringH2Backend::new, ops -> {
			everyKeyIsFoundAndUnique(ops, docs);
			List<String> sorted = docs.stream().map(doc -> doc.getString("_id")).sorted().toList();
			List<String> read = new ArrayList<>();
			ops.find().sort(Sorts.ascending("_id")).forEach(doc -> read.add(doc.getString("_id")));
			assertThat(read).isEqualTo(sorted);
		});
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
			assertThat(store.hasMap(ValueOrderedKeys.MARKER_MAP)).isTrue();
		}
	}

	@Test
	void aStoreWrittenByTheUpstreamBackendKeepsItsOrderAndStaysReadable() {
		Path file = dir.resolve("old.mv.db");
		List<Document> docs = keys(3000);
		withCollection(file, H2Backend::new, ops -> ops.insertMany(docs.subList(0, 2000)));

		withCollection(file, FilteringH2Backend::new, ops -> ops.insertMany(docs.subList(2000, 3000)));

		withCollection(file, FilteringH2Backend::new, ops -> everyKeyIsFoundAndUnique(ops, docs));
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
			assertThat(store.hasMap(ValueOrderedKeys.MARKER_MAP)).isFalse();
		}
	}

}
