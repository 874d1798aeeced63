package dev.billforge.storage.internal;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server, with two fixes: {@code listCollections} honours its {@code filter}
 * (upstream returns every collection; liquibase-mongodb asks "does DATABASECHANGELOG exist?" with such a
 * filter, and without this fix its second run fails), {@code hello} is answered on every database (Spring
 * Boot's MongoDB health check sends it to the application's database; upstream knows it only as the
 * admin handshake, so {@code /actuator/health} said DOWN), unique indexes compare keys by value rather
 * than by serialising them ({@link ValueOrderedKeys}), and documents are stored as BSON rather than
 * Java-serialised ({@link BsonDocuments}). The last two apply to stores created with them.
 */
public class FilteringH2Backend extends H2Backend {

	/**
	 * Non-unique indexes declared (by migrations or an earlier run) and not built: {@code collection.index}. No
	 * initializer: H2Backend's constructor reopens existing databases before this class's initializers would run.
	 */
	private volatile Set<String> unbuiltIndexes;

	public FilteringH2Backend(MVStore store) {
		super(store);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if ("hello".equalsIgnoreCase(command)) {
			// Upstream answers only the legacy name of the handshake, and only on admin.
			Document reply = super.handleCommand(channel, "admin", "ismaster", query);
			reply.putIfAbsent("isWritablePrimary", Boolean.TRUE);
			return reply;
		}
		return super.handleCommand(channel, databaseName, command, query);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		// Decided before the first database creates any map, so a new store gets its markers first.
		ValueOrderedKeys.applies(getMvStore());
		BsonDocuments.applies(getMvStore());
		return new FilteringH2Database(databaseName, getMvStore(), getCursorRegistry());
	}

	/**
	 * Inner, not nested: the super constructor reopens existing collections and their indexes, before
	 * any field of this class is assigned; the enclosing backend is reachable by then.
	 */
	/** The non-unique indexes this store accepted without building them, for one log line instead of a WARN each. */
	public Set<String> unbuiltIndexes() {
		return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(unbuilt()));
	}

	private synchronized Set<String> unbuilt() {
		if (unbuiltIndexes == null) {
			unbuiltIndexes = new ConcurrentSkipListSet<>();
		}
		return unbuiltIndexes;
	}

	final class FilteringH2Database extends H2Database {

		private static final QueryMatcher MATCHER = new DefaultQueryMatcher();

		private static final Constructor<H2UniqueIndex> UNIQUE_INDEX = uniqueIndexConstructor();

		FilteringH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
			super(databaseName, store, cursorRegistry);
		}

		/** Upstream logs a WARN per non-unique index at every start; they are performance-only (docs/storage.md). */
		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			unbuilt().add(collectionName + "." + indexName);
			return new EmptyIndex<>(indexName, keys);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			MVStore store = getMvStore();
			if (!ValueOrderedKeys.applies(store)) {
				return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
			}
			// The same map name and on-disk format as upstream; only the key comparison differs.
			MVMap<KeyValue, Object> map = store.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
					new MVMap.Builder<KeyValue, Object>().keyType(new ValueOrderedKeys(BsonDocuments.applies(store))));
			try {
				return UNIQUE_INDEX.newInstance(map, indexName, keys, sparse);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("cannot open index " + indexName + " of " + collectionName, ex);
			}
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			MVStore store = getMvStore();
			if (!BsonDocuments.applies(store)) {
				return super.openOrCreateCollection(collectionName, options);
			}
			// The same map names as upstream; only the documents' format differs.
			String namespace = getFullCollectionNamespace(collectionName);
			MVMap<Object, Document> data = store.openMap("databases." + namespace,
					new MVMap.Builder<Object, Document>().valueType(new BsonDocuments()));
			MVMap<String, Object> meta = store.openMap("meta." + namespace);
			return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
		}

		/** Upstream's index class has a package-private constructor; its API is otherwise all we need. */
		private static Constructor<H2UniqueIndex> uniqueIndexConstructor() {
			try {
				Constructor<H2UniqueIndex> constructor = H2UniqueIndex.class.getDeclaredConstructor(MVMap.class, String.class,
						List.class, boolean.class);
				constructor.setAccessible(true);
				return constructor;
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("mongo-java-server's H2UniqueIndex changed", ex);
			}
		}

		@Override
		public Document handleCommand(Channel channel, String command, Document query,
				DatabaseResolver databaseResolver, Oplog oplog) {
			Document response = super.handleCommand(channel, command, query, databaseResolver, oplog);
			if ("listCollections".equals(command) && query.get("filter") instanceof Document filter
					&& !filter.isEmpty() && response.get("cursor") instanceof Document cursor
					&& cursor.get("firstBatch") instanceof List<?> batch) {
				cursor.put("firstBatch", batch.stream()
					.filter(entry -> entry instanceof Document doc && MATCHER.matches(doc, filter))
					.toList());
			}
			return response;
		}

	}

}
