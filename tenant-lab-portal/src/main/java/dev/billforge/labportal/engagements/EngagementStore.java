package dev.billforge.labportal.engagements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.billforge.labportal.engagements.Engagement.Change;
import dev.billforge.labportal.engagements.Engagement.WeekApproval;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * Engagements ({@code lab_engagements}, {@code _id = orgId|engagementId}) and their time
 * entries ({@code lab_time_entries}). Every change of an engagement is one
 * compare-and-set on its document (status, sequence numbers, {@code pending == null}), so
 * of two racing requests exactly one moves it. A step that owes ledger work records it in
 * {@code pending} in the same write and clears it in the write that books its result.
 */
@Component
class EngagementStore {

	static final String ENGAGEMENTS = "lab_engagements";

	static final String ENTRIES = "lab_time_entries";

	private final MongoCollection<Document> engagements;

	private final MongoCollection<Document> entries;

	EngagementStore(MongoTemplate mongo) {
		this.engagements = mongo.getCollection(ENGAGEMENTS);
		this.entries = mongo.getCollection(ENTRIES);
	}

	/** A hold of the engagement on the org's ledger. */
	record HeldCredits(String holdId, Credits credits) {
	}

	/**
	 * Ledger work a step owes: the charge of weekly approval {@code number}, or the
	 * release at closing.
	 */
	record Pending(String kind, int number, LocalDate week, String by, Instant at, BigDecimal hours, Credits credits,
			List<HeldCredits> holds) {

		static final String CHARGE = "charge";

		static final String RELEASE = "release";

	}

	/** An engagement with what only the rules need. */
	record Stored(OrgId org, Engagement engagement, List<HeldCredits> holds, int approvalSeq, Pending pending) {
	}

	static String key(OrgId org, String id) {
		return org.value() + "|" + id;
	}

	void insert(OrgId org, Engagement e) {
		engagements.insertOne(new Document("_id", key(org, e.id())).append("orgId", org.value())
			.append("engagementId", e.id())
			.append("title", e.title())
			.append("status", e.status().code())
			.append("estimatedHours", dec(e.estimatedHours()))
			.append("rate", e.rate().amount().toPlainString())
			.append("budgetHours", dec(e.budgetHours()))
			.append("loggedHours", dec(BigDecimal.ZERO))
			.append("approvedHours", dec(BigDecimal.ZERO))
			.append("held", "0")
			.append("charged", "0")
			.append("holds", List.of())
			.append("approvalSeq", 0)
			.append("approvals", List.of())
			.append("changes", List.of())
			.append("proposedBy", e.proposedBy())
			.append("proposedAt", date(e.proposedAt())));
	}

	Optional<Stored> find(OrgId org, String id) {
		return Optional.ofNullable(engagements.find(Filters.eq("_id", key(org, id))).first())
			.map(EngagementStore::stored);
	}

	List<Engagement> list(OrgId org, int limit) {
		List<Engagement> found = new ArrayList<>();
		engagements.find(Filters.eq("orgId", org.value()))
			.sort(Sorts.orderBy(Sorts.descending("proposedAt"), Sorts.descending("_id")))
			.limit(limit)
			.forEach(doc -> found.add(stored(doc).engagement()));
		return found;
	}

	/** Engagements whose ledger step was interrupted (or is running right now). */
	List<Stored> withPendingStep(int limit) {
		List<Stored> found = new ArrayList<>();
		// pending.at is always set with pending: the sparse index pending_step serves
		// this, {pending: {$ne: null}} did not
		engagements.find(Filters.exists("pending.at")).limit(limit).forEach(doc -> found.add(stored(doc)));
		return found;
	}

	/**
	 * Applies {@code update} if the engagement still matches {@code conditions}; empty
	 * when another request came first.
	 */
	Optional<Stored> update(OrgId org, String id, Bson update, Bson... conditions) {
		List<Bson> filters = new ArrayList<>(List.of(Filters.eq("_id", key(org, id))));
		filters.addAll(List.of(conditions));
		return Optional.ofNullable(engagements.findOneAndUpdate(Filters.and(filters), update,
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
			.map(EngagementStore::stored);
	}

	// --- time entries ---

	void insertEntry(OrgId org, TimeEntry entry) {
		entries.insertOne(
				new Document("_id", key(org, entry.engagementId() + "|" + entry.id())).append("orgId", org.value())
					.append("engagementId", entry.engagementId())
					.append("entryId", entry.id())
					.append("consultant", entry.consultant())
					.append("date", entry.date().toString())
					.append("week", entry.week().toString())
					.append("hours", dec(entry.hours()))
					.append("note", entry.note())
					.append("approval", 0)
					.append("loggedAt", date(entry.loggedAt())));
	}

	List<TimeEntry> entries(OrgId org, String engagementId, int limit) {
		List<TimeEntry> found = new ArrayList<>();
		entries.find(Filters.and(Filters.eq("orgId", org.value()), Filters.eq("engagementId", engagementId)))
			.sort(Sorts.orderBy(Sorts.descending("date"), Sorts.descending("loggedAt")))
			.limit(limit)
			.forEach(doc -> found.add(entry(doc)));
		return found;
	}

	boolean hasUnapproved(OrgId org, String engagementId, LocalDate week) {
		return entries.find(unapproved(org, engagementId, week)).first() != null;
	}

	/** Gives the week's unapproved entries to approval {@code number} (idempotent). */
	void markApproved(OrgId org, String engagementId, LocalDate week, int number) {
		entries.updateMany(unapproved(org, engagementId, week), Updates.set("approval", number));
	}

	/** Hours of the entries approval {@code number} covers, exact. */
	BigDecimal approvedHours(OrgId org, String engagementId, int number) {
		BigDecimal total = BigDecimal.ZERO;
		for (Document doc : entries.find(Filters.and(Filters.eq("orgId", org.value()),
				Filters.eq("engagementId", engagementId), Filters.eq("approval", number)))) {
			total = total.add(big(doc, "hours"));
		}
		return total;
	}

	private static Bson unapproved(OrgId org, String engagementId, LocalDate week) {
		return Filters.and(Filters.eq("orgId", org.value()), Filters.eq("engagementId", engagementId),
				Filters.eq("week", week.toString()), Filters.eq("approval", 0));
	}

	// --- documents ---

	static Document holds(List<HeldCredits> holds, Document target) {
		List<Document> list = new ArrayList<>();
		holds.forEach(
				h -> list.add(new Document("id", h.holdId()).append("credits", h.credits().amount().toPlainString())));
		return target.append("holds", list);
	}

	static Document pending(Pending p) {
		Document doc = new Document("kind", p.kind()).append("number", p.number())
			.append("week", p.week() == null ? null : p.week().toString())
			.append("by", p.by())
			.append("at", date(p.at()))
			.append("hours", p.hours() == null ? null : dec(p.hours()))
			.append("credits", p.credits() == null ? null : p.credits().amount().toPlainString());
		return holds(p.holds(), doc);
	}

	static Document approval(WeekApproval a) {
		return new Document("number", a.number()).append("week", a.week().toString())
			.append("hours", dec(a.hours()))
			.append("credits", a.credits().amount().toPlainString())
			.append("approvedBy", a.approvedBy())
			.append("approvedAt", date(a.approvedAt()));
	}

	static Document change(Change c) {
		return new Document("number", c.number()).append("hours", dec(c.hours()))
			.append("reason", c.reason())
			.append("requestedBy", c.requestedBy())
			.append("requestedAt", date(c.requestedAt()))
			.append("approved", c.approved())
			.append("approvedBy", c.approvedBy());
	}

	private static Stored stored(Document doc) {
		List<WeekApproval> approvals = new ArrayList<>();
		for (Document a : doc.getList("approvals", Document.class, List.of())) {
			approvals.add(new WeekApproval(a.getInteger("number"), LocalDate.parse(a.getString("week")),
					big(a, "hours"), Credits.of(a.getString("credits")), a.getString("approvedBy"),
					instant(a.getDate("approvedAt"))));
		}
		List<Change> changes = new ArrayList<>();
		for (Document c : doc.getList("changes", Document.class, List.of())) {
			changes.add(new Change(c.getInteger("number"), big(c, "hours"), c.getString("reason"),
					c.getString("requestedBy"), instant(c.getDate("requestedAt")), c.getBoolean("approved", false),
					c.getString("approvedBy")));
		}
		Engagement engagement = new Engagement(doc.getString("engagementId"), doc.getString("title"),
				EngagementStatus.ofCode(doc.getString("status")), big(doc, "estimatedHours"),
				Credits.of(doc.getString("rate")), big(doc, "budgetHours"), big(doc, "loggedHours"),
				big(doc, "approvedHours"), Credits.of(doc.getString("held")), Credits.of(doc.getString("charged")),
				doc.getString("proposedBy"), instant(doc.getDate("proposedAt")), instant(doc.getDate("acceptedAt")),
				instant(doc.getDate("closedAt")), List.copyOf(approvals), List.copyOf(changes));
		Document p = doc.get("pending", Document.class);
		Pending pending = p == null ? null
				: new Pending(p.getString("kind"), p.getInteger("number"),
						p.getString("week") == null ? null : LocalDate.parse(p.getString("week")), p.getString("by"),
						instant(p.getDate("at")), p.get("hours") == null ? null : big(p, "hours"),
						p.getString("credits") == null ? null : Credits.of(p.getString("credits")), heldCredits(p));
		return new Stored(new OrgId(doc.getString("orgId")), engagement, heldCredits(doc),
				doc.getInteger("approvalSeq", 0), pending);
	}

	private static List<HeldCredits> heldCredits(Document doc) {
		List<HeldCredits> holds = new ArrayList<>();
		for (Document h : doc.getList("holds", Document.class, List.of())) {
			holds.add(new HeldCredits(h.getString("id"), Credits.of(h.getString("credits"))));
		}
		return List.copyOf(holds);
	}

	private static TimeEntry entry(Document doc) {
		return new TimeEntry(doc.getString("entryId"), doc.getString("engagementId"), doc.getString("consultant"),
				LocalDate.parse(doc.getString("date")), LocalDate.parse(doc.getString("week")), big(doc, "hours"),
				doc.getString("note"), doc.getInteger("approval", 0), instant(doc.getDate("loggedAt")));
	}

	/**
	 * Hours are stored as plain decimal strings: exact, and compared as strings in
	 * compare-and-set filters.
	 */
	static String dec(BigDecimal value) {
		return value.toPlainString();
	}

	private static BigDecimal big(Document doc, String field) {
		return new BigDecimal(doc.getString(field));
	}

	static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
