package dev.billforge.metering.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.billforge.orgs.OrgId;

/**
 * Usage properties of committed holds, keyed by the commit's op key. Written before the commit, so
 * the rollups find them when the commit is projected (also when it is projected again after a
 * crash). The first labels win: a retried commit with other labels changes nothing. A label whose
 * commit never happened (released or expired hold) is inert.
 */
@Component
class CommitLabels {

	static final String COLLECTION = "usage_commit_labels";

	private final MongoCollection<Document> labels;

	CommitLabels(MongoTemplate mongo) {
		this.labels = mongo.getCollection(COLLECTION);
	}

	private static String id(String orgId, String opKey) {
		return orgId + "|" + opKey;
	}

	void save(OrgId org, String opKey, Map<String, String> dimensions) {
		labels.updateOne(Filters.eq("_id", id(org.value(), opKey)),
				Updates.combine(Updates.setOnInsert("orgId", org.value()), Updates.setOnInsert("opKey", opKey),
						Updates.setOnInsert("dimensions", new Document(dimensions)),
						Updates.setOnInsert("createdAt", Instant.now())),
				new UpdateOptions().upsert(true));
	}

	/** Labels by op key, for the op keys that have any. */
	Map<String, Map<String, String>> find(String orgId, Collection<String> opKeys) {
		Map<String, Map<String, String>> found = new HashMap<>();
		if (opKeys.isEmpty()) {
			return found;
		}
		for (Document doc : labels.find(Filters.in("_id", opKeys.stream().map(key -> id(orgId, key)).toList()))) {
			Document dims = doc.get("dimensions", Document.class);
			Map<String, String> map = new HashMap<>();
			if (dims != null) {
				dims.forEach((name, value) -> map.put(name, String.valueOf(value)));
			}
			found.put(doc.getString("opKey"), map);
		}
		return found;
	}

}
