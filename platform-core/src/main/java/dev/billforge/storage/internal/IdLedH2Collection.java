package dev.billforge.storage.internal;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose queries that pin {@code _id} (a value or an {@code $in}) next to
 * other conditions — {@code {_id: x, v: 3}}, or the driver's {@code {$and: [{_id: x},
 * …]}} — read the documents through the {@code _id} index and check the whole query on
 * them. Upstream uses an index only when the query names exactly the index's fields, so
 * such a query (a compare-and-set by version, a lookup by id that also names the org)
 * read every document of the collection.
 */
final class IdLedH2Collection extends H2Collection {

	private static final String ID = "_id";

	IdLedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		Object id = pinnedId(query);
		if (id != null) {
			Document idQuery = new Document(ID, id);
			for (Index<Object> index : getIndexes()) {
				if (index.canHandle(idQuery)) {
					return matchDocuments(query, index.getPositions(idQuery), orderBy, numberToSkip, limit, batchSize,
							fieldSelector);
				}
			}
		}
		return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	/**
	 * The {@code _id} condition of a query that has more than it (plain value or
	 * {@code $in}), else null.
	 */
	static Object pinnedId(Document query) {
		if (query.size() > 1 && query.containsKey(ID)) {
			return byIndex(query.get(ID));
		}
		if (query.size() == 1 && query.get("$and") instanceof List<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document doc && doc.size() == 1 && doc.containsKey(ID)) {
					return byIndex(doc.get(ID));
				}
			}
		}
		return null;
	}

	private static Object byIndex(Object condition) {
		if (condition instanceof Document doc) {
			return doc.size() == 1 && doc.get("$in") instanceof List<?> ? doc : null;
		}
		return condition instanceof List<?> || condition == null ? null : condition;
	}

}
