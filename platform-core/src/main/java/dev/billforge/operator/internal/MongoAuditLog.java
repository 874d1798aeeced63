package dev.billforge.operator.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import dev.billforge.operator.AuditEntry;
import dev.billforge.operator.AuditLog;
import dev.billforge.orgs.OrgId;

/** The audit log in MongoDB, {@code _id} = the action's idempotency key. */
@Component
class MongoAuditLog implements AuditLog {

	static final String COLLECTION = "audit_log";

	private final MongoCollection<Document> entries;

	private final Clock clock;

	MongoAuditLog(MongoTemplate mongo, Clock clock) {
		this.entries = mongo.getCollection(COLLECTION);
		this.clock = clock;
	}

	@Override
	public AuditEntry record(String key, String actor, String action, OrgId org, String reason,
			Map<String, String> details) {
		Document doc = new Document("_id", key).append("at", clock.instant().toString())
			.append("actor", actor)
			.append("action", action)
			.append("orgId", org == null ? null : org.value())
			.append("reason", reason)
			.append("details", new Document(new LinkedHashMap<String, Object>(details)));
		try {
			entries.insertOne(doc);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			doc = entries.find(Filters.eq("_id", key)).first();
		}
		return entry(doc);
	}

	@Override
	public List<AuditEntry> forOrg(OrgId org, int limit) {
		return find(Filters.eq("orgId", org.value()), limit);
	}

	@Override
	public List<AuditEntry> recent(int limit) {
		return find(new Document(), limit);
	}

	private List<AuditEntry> find(Bson filter, int limit) {
		return entries.find(filter)
			.sort(Sorts.descending("at"))
			.limit(limit)
			.map(MongoAuditLog::entry)
			.into(new ArrayList<>());
	}

	private static AuditEntry entry(Document doc) {
		Map<String, String> details = new LinkedHashMap<>();
		Document d = doc.get("details", Document.class);
		if (d != null) {
			d.forEach((k, v) -> details.put(k, String.valueOf(v)));
		}
		String org = doc.getString("orgId");
		return new AuditEntry(doc.getString("_id"), Instant.parse(doc.getString("at")), doc.getString("actor"),
				doc.getString("action"), org == null ? null : new OrgId(org), doc.getString("reason"), details);
	}

}
