package dev.billforge.outcomes.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.billforge.orgs.OrgId;
import dev.billforge.outcomes.Evidence;
import dev.billforge.outcomes.Outcome;
import dev.billforge.outcomes.OutcomeAuditEntry;
import dev.billforge.outcomes.OutcomeStatus;
import dev.billforge.valuemetric.Credits;

/**
 * Outcomes in the {@code outcomes} collection, {@code _id = orgId|outcomeId}. A
 * transition is one compare-and-set on the status that also appends its audit entry
 * ({@code $push}, never rewritten), so of two racing transitions exactly one happens and
 * the trail always matches the status. A transition that owes a ledger step records it in
 * {@code pending} in the same write; the step is idempotent and {@code pending} is
 * cleared once it is done (or by the sweep after a crash).
 */
@Component
class OutcomeStore {

	static final String COLLECTION = "outcomes";

	private final MongoCollection<Document> outcomes;

	OutcomeStore(MongoTemplate mongo) {
		this.outcomes = mongo.getCollection(COLLECTION);
	}

	/** A ledger step a transition owes. */
	enum Pending {

		COMMIT, RELEASE, GRANT

	}

	/**
	 * An outcome with what only the rules need: its org, fingerprint and pending step.
	 */
	record Stored(OrgId org, Outcome outcome, String fingerprint, Pending pending) {
	}

	static String key(OrgId org, String id) {
		return org.value() + "|" + id;
	}

	/**
	 * Inserts a proposal; false when the id exists in the org (the caller compares
	 * fingerprints).
	 */
	boolean insert(OrgId org, Outcome outcome, String fingerprint) {
		Document doc = new Document("_id", key(org, outcome.id())).append("orgId", org.value())
			.append("outcomeId", outcome.id())
			.append("type", outcome.type())
			.append("subject", outcome.subject())
			.append("evidence", evidence(outcome.evidence()))
			.append("occurredAt", date(outcome.occurredAt()))
			.append("fingerprint", fingerprint)
			.append("status", outcome.status().code())
			.append("fee", outcome.fee().amount().toPlainString())
			.append("proposedAt", date(outcome.proposedAt()))
			.append("audit", List.of(audit(outcome.audit().get(0))));
		try {
			outcomes.insertOne(doc);
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	Optional<Stored> find(OrgId org, String id) {
		return Optional.ofNullable(outcomes.find(Filters.eq("_id", key(org, id))).first()).map(OutcomeStore::stored);
	}

	List<Outcome> list(OrgId org, OutcomeStatus status, String type, int limit) {
		List<Bson> filters = new ArrayList<>(List.of(Filters.eq("orgId", org.value())));
		if (status != null) {
			filters.add(Filters.eq("status", status.code()));
		}
		if (type != null) {
			filters.add(Filters.eq("type", type));
		}
		List<Outcome> found = new ArrayList<>();
		outcomes.find(Filters.and(filters))
			.sort(Sorts.orderBy(Sorts.descending("proposedAt"), Sorts.descending("_id")))
			.limit(limit)
			.forEach(doc -> found.add(stored(doc).outcome()));
		return found;
	}

	/**
	 * Moves an outcome from {@code from} to {@code to} if it is still in {@code from}
	 * (and matches {@code condition}, and owes no ledger step); empty when another
	 * transition came first.
	 */
	Optional<Stored> transition(OrgId org, String id, OutcomeStatus from, Bson condition, OutcomeAuditEntry entry,
			Pending pending, Bson... sets) {
		List<Bson> filters = new ArrayList<>(List.of(Filters.eq("_id", key(org, id)), Filters.eq("status", from.code()),
				Filters.eq("pending", null)));
		if (condition != null) {
			filters.add(condition);
		}
		List<Bson> updates = new ArrayList<>(List.of(sets));
		updates.add(Updates.set("status", entry.to().code()));
		updates.add(Updates.push("audit", audit(entry)));
		if (pending != null) {
			updates.add(Updates.set("pending", pending.name()));
		}
		Document after = outcomes.findOneAndUpdate(Filters.and(filters), Updates.combine(updates),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		return Optional.ofNullable(after).map(OutcomeStore::stored);
	}

	void clearPending(OrgId org, String id, Pending pending) {
		outcomes.updateOne(Filters.and(Filters.eq("_id", key(org, id)), Filters.eq("pending", pending.name())),
				Updates.unset("pending"));
	}

	/**
	 * Outcomes whose audit trail has a step to {@code billed} in {@code [from, to)},
	 * counted by type.
	 */
	java.util.SortedMap<String, Long> billedCounts(OrgId org, Instant from, Instant to) {
		java.util.SortedMap<String, Long> counts = new java.util.TreeMap<>();
		outcomes
			.find(Filters.and(Filters.eq("orgId", org.value()),
					Filters.elemMatch("audit",
							Filters.and(Filters.eq("to", OutcomeStatus.BILLED.code()), Filters.gte("at", date(from)),
									Filters.lt("at", date(to))))))
			.projection(new Document("type", 1))
			.forEach(doc -> counts.merge(doc.getString("type"), 1L, Long::sum));
		return counts;
	}

	/**
	 * Approved outcomes whose dispute window closed by {@code now}, oldest window first.
	 */
	List<Stored> dueForBilling(Instant now, int limit) {
		return collect(outcomes
			.find(Filters.and(Filters.eq("status", OutcomeStatus.APPROVED.code()),
					Filters.lte("windowEndsAt", date(now))))
			.sort(Sorts.ascending("windowEndsAt"))
			.limit(limit));
	}

	/** Outcomes whose ledger step was interrupted (or is running right now). */
	List<Stored> withPendingStep(int limit) {
		return collect(outcomes.find(Filters.ne("pending", null)).limit(limit));
	}

	private static List<Stored> collect(Iterable<Document> docs) {
		List<Stored> found = new ArrayList<>();
		docs.forEach(doc -> found.add(stored(doc)));
		return found;
	}

	static Bson windowOpenAt(Instant now) {
		return Filters.gt("windowEndsAt", date(now));
	}

	static Bson windowClosedAt(Instant now) {
		return Filters.lte("windowEndsAt", date(now));
	}

	static Bson set(String field, Object value) {
		return Updates.set(field, value instanceof Instant instant ? date(instant) : value);
	}

	private static Stored stored(Document doc) {
		List<OutcomeAuditEntry> audit = new ArrayList<>();
		for (Document entry : doc.getList("audit", Document.class, List.of())) {
			audit.add(new OutcomeAuditEntry(instant(entry.getDate("at")), entry.getString("actorId"),
					entry.getString("actorEmail"), OutcomeStatus.ofCode(entry.getString("from")),
					OutcomeStatus.ofCode(entry.getString("to")), entry.getString("evidenceSha256"),
					entry.getString("reason")));
		}
		Document ev = doc.get("evidence", Document.class);
		Evidence evidence = ev == null ? Evidence.NONE
				: new Evidence(ev.getString("url"), ev.getString("sha256"), ev.getString("summary"));
		Outcome outcome = new Outcome(doc.getString("outcomeId"), doc.getString("type"), doc.getString("subject"),
				evidence, instant(doc.getDate("occurredAt")), OutcomeStatus.ofCode(doc.getString("status")),
				Credits.of(doc.getString("fee")), doc.getString("holdId"), instant(doc.getDate("proposedAt")),
				instant(doc.getDate("approvedAt")), instant(doc.getDate("windowEndsAt")), List.copyOf(audit));
		String pending = doc.getString("pending");
		return new Stored(new OrgId(doc.getString("orgId")), outcome, doc.getString("fingerprint"),
				pending == null ? null : Pending.valueOf(pending));
	}

	private static Document evidence(Evidence evidence) {
		return new Document("url", evidence.url()).append("sha256", evidence.sha256())
			.append("summary", evidence.summary());
	}

	private static Document audit(OutcomeAuditEntry entry) {
		return new Document("at", date(entry.at())).append("actorId", entry.actorId())
			.append("actorEmail", entry.actorEmail())
			.append("from", entry.from() == null ? null : entry.from().code())
			.append("to", entry.to().code())
			.append("evidenceSha256", entry.evidenceSha256())
			.append("reason", entry.reason());
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
