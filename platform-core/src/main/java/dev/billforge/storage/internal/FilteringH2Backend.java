package dev.billforge.storage.internal;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server, with two fixes: {@code listCollections} honours
 * its {@code filter} (upstream returns every collection; liquibase-mongodb asks "does
 * DATABASECHANGELOG exist?" with such a filter, and without this fix its second run
 * fails), {@code hello} is answered on every database (Spring Boot's MongoDB health check
 * sends it to the application's database; upstream knows it only as the admin handshake,
 * so {@code /actuator/health} said DOWN), unique indexes compare keys by value rather
 * than by serialising them ({@link ValueOrderedKeys}), and documents are stored as BSON
 * rather than Java-serialised ({@link BsonDocuments}). The last two apply to stores
 * created with them, and so does the third: a query that pins {@code _id} next to other
 * conditions reads by the {@code _id} index ({@link IdLedH2Collection}).
 */
public class FilteringH2Backend extends H2Backend {

	private static final Object IGNORED_INIT = new Object();

	/**
	 * Secondary (non-unique) indexes the upstream server does not build, as
	 * {@code db.collection.index}. No initializer: the super constructor reopens
	 * databases (and their indexes) before initializers run, and one would wipe what it
	 * recorded. Never guarded by this backend's monitor, which upstream code may hold
	 * while it waits for a database.
	 */
	private volatile Set<String> ignoredIndexes;

	public FilteringH2Backend(MVStore store) {
		super(store);
	}

	/**
	 * The secondary indexes asked for so far that this store answers by scanning, sorted.
	 */
	public SortedSet<String> ignoredIndexes() {
		return new TreeSet<>(ignored());
	}

	private Set<String> ignored() {
		Set<String> set = ignoredIndexes;
		if (set == null) {
			synchronized (IGNORED_INIT) {
				if (ignoredIndexes == null) {
					ignoredIndexes = ConcurrentHashMap.newKeySet();
				}
				set = ignoredIndexes;
			}
		}
		return set;
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
		// Decided before the first database creates any map, so a new store gets its
		// markers first.
		ValueOrderedKeys.applies(getMvStore());
		BsonDocuments.applies(getMvStore());
		return new FilteringH2Database(databaseName, getMvStore(), getCursorRegistry());
	}

	/**
	 * Inner, not nested: the super constructor reopens existing collections and their
	 * indexes, before any field of this class is assigned; the enclosing backend is
	 * reachable by then.
	 */
	final class FilteringH2Database extends H2Database {

		private static final QueryMatcher MATCHER = new DefaultQueryMatcher();

		private static final Constructor<H2UniqueIndex> UNIQUE_INDEX = uniqueIndexConstructor();

		FilteringH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
			super(databaseName, store, cursorRegistry);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			MVStore store = getMvStore();
			if (!ValueOrderedKeys.applies(store)) {
				return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
			}
			// The same map name and on-disk format as upstream; only the key comparison
			// differs.
			MVMap<KeyValue, Object> map = store.openMap(
					getFullCollectionNamespace(collectionName) + "._index_" + indexName,
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
			return new IdLedH2Collection(this, collectionName, options, data, meta, cursorRegistry);
		}

		/**
		 * Upstream logs a WARN per such index; they are listed once at start-up instead.
		 */
		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			ignored().add(getDatabaseName() + "." + collectionName + "." + indexName);
			return new EmptyIndex<>(indexName, keys);
		}

		/**
		 * Upstream's index class has a package-private constructor; its API is otherwise
		 * all we need.
		 */
		private static Constructor<H2UniqueIndex> uniqueIndexConstructor() {
			try {
				Constructor<H2UniqueIndex> constructor = H2UniqueIndex.class.getDeclaredConstructor(MVMap.class,
						String.class, List.class, boolean.class);
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
			if ("listCollections".equals(command) && query.get("filter") instanceof Document filter && !filter.isEmpty()
					&& response.get("cursor") instanceof Document cursor
					&& cursor.get("firstBatch") instanceof List<?> batch) {
				cursor.put("firstBatch",
						batch.stream()
							.filter(entry -> entry instanceof Document doc && MATCHER.matches(doc, filter))
							.toList());
			}
			return response;
		}

	}

}
