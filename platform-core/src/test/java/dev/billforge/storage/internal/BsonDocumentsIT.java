package dev.billforge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;

/**
 * The embedded server stores documents and index keys as BSON in new stores; older stores
 * keep their format.
 */
class BsonDocumentsIT {

	@TempDir
	Path dir;

	private void withDatabase(Path file, Consumer<MongoDatabase> work) {
		MVStore store = new MVStore.Builder().fileName(file.toString()).keysPerPage(16).open();
		MongoServer server = new MongoServer(new FilteringH2Backend(store));
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			work.accept(client.getDatabase("test"));
		}
		finally {
			server.shutdownNow();
			store.close();
		}
	}

	private static List<Document> documents(int count) {
		List<Document> docs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			docs.add(new Document("_id", "org_" + (i % 5) + "|op:" + Integer.toHexString(i * 7919))
				.append("orgId", "org_" + (i % 5))
				.append("seq", (long) i)
				.append("n", i)
				.append("ratio", i / 8.0)
				.append("credits", new Decimal128(new BigDecimal("12.345").add(BigDecimal.valueOf(i))))
				.append("at", new Date(1_700_000_000_000L + i))
				.append("open", i % 2 == 0)
				.append("none", null)
				.append("oid", new ObjectId(new Date(1_700_000_000_000L), i))
				.append("bytes", new Binary(new byte[] { 1, 2, (byte) i }))
				.append("result", new Document("status", "recorded").append("lines",
						List.of("a", 1, 2.5, new Document("x", i)))));
		}
		return docs;
	}

	private static List<Document> all(MongoDatabase database) {
		List<Document> read = new ArrayList<>();
		database.getCollection("ops").find().sort(Sorts.ascending("_id")).forEach(read::add);
		return read;
	}

	@Test
	void aNewStoreKeepsEveryValueTypeAndItsUniqueIndexesAcrossARestart() {
		Path file = dir.resolve("new.mv.db");
		List<Document> docs = documents(2000);
		withDatabase(file, database -> {
			database.getCollection("ops")
				.createIndex(Indexes.ascending("orgId", "seq"), new IndexOptions().unique(true));
			database.getCollection("ops").insertMany(docs);
			database.getCollection("ops").updateOne(Filters.eq("_id", docs.get(7).get("_id")), Updates.inc("n", 1000));
		});
		docs.get(7).put("n", 1007);

		withDatabase(file, database -> {
			List<Document> expected = docs.stream()
				.sorted((a, b) -> a.getString("_id").compareTo(b.getString("_id")))
				.toList();
			assertThat(all(database)).isEqualTo(expected);
			assertThat(database.getCollection("ops")
				.find(Filters.and(Filters.eq("orgId", "org_3"), Filters.eq("seq", 8L)))
				.first()).isEqualTo(docs.get(8));
			Document sameCompoundKey = new Document("_id", "another").append("orgId", "org_3").append("seq", 8L);
			assertThatThrownBy(() -> database.getCollection("ops").insertOne(sameCompoundKey)).isInstanceOfSatisfying(
					MongoWriteException.class, ex -> assertThat(ex.getError().getCode()).isEqualTo(11000));
		});
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
			assertThat(store.hasMap(BsonDocuments.MARKER_MAP)).isTrue();
		}
	}

	@Test
	void aStoreWrittenBeforeBsonDocumentsKeepsItsFormatAndStaysReadable() {
		Path file = dir.resolve("older.mv.db");
		List<Document> docs = documents(1500);
		// The format of the previous release: value-ordered indexes, Java-serialised
		// documents, no document marker.
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
			store.<String, String>openMap(BsonDocuments.MARKER_MAP).put("format", "java-serialized");
		}
		withDatabase(file, database -> database.getCollection("ops").insertMany(docs.subList(0, 1000)));
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
			store.removeMap(BsonDocuments.MARKER_MAP);
		}

		withDatabase(file, database -> database.getCollection("ops").insertMany(docs.subList(1000, 1500)));

		withDatabase(file, database -> assertThat(all(database)).hasSize(1500).containsAll(docs));
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
			assertThat(store.hasMap(BsonDocuments.MARKER_MAP)).isFalse();
			assertThat(store.hasMap(ValueOrderedKeys.MARKER_MAP)).isTrue();
		}
	}

	@Test
	void valuesBsonCannotExpressAreStillStored() {
		BsonDocuments type = new BsonDocuments();
		de.bwaldvogel.mongo.bson.Document odd = new de.bwaldvogel.mongo.bson.Document("_id", "x").append("value",
				new StringBuilder("not a BSON type"));
		WriteBuffer buffer = new WriteBuffer();
		type.write(buffer, odd);
		ByteBuffer written = buffer.getBuffer().flip();
		assertThat(type.read(written).get("value")).hasToString("not a BSON type");

		ValueOrderedKeys keys = new ValueOrderedKeys(true);
		for (KeyValue key : List.of(new KeyValue("org_1|op"), new KeyValue("org_1", 42L),
				new KeyValue(Missing.getInstance()))) {
			WriteBuffer keyBuffer = new WriteBuffer();
			keys.write(keyBuffer, key);
			assertThat(keys.compare(keys.read(keyBuffer.getBuffer().flip()), key)).isZero();
		}
	}

}
