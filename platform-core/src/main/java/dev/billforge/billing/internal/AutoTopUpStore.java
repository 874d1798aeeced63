package dev.billforge.billing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * Auto top-up settings ({@code billing_auto_top_ups}, {@code _id} = org id).
 * {@code crossing} numbers the threshold crossings: purchase {@code orgId:crossing} is
 * the claim of the current one, and the counter moves on (guarded by its old value, so
 * only once) when that purchase has ended.
 */
@Component
class AutoTopUpStore {

	/** An org's auto top-up as stored. */
	record Settings(OrgId org, boolean enabled, String lookupKey, Credits threshold, int monthlyLimit, long crossing,
			int failures, Instant retryAfter, String disabledReason, String lastFailureCode, Instant lastFailureAt) {

		String purchaseId() {
			return org.value() + ":" + crossing;
		}

	}

	private final MongoCollection<Document> settings;

	AutoTopUpStore(MongoTemplate mongo) {
		this.settings = mongo.getCollection(BillingCollections.AUTO_TOP_UPS);
	}

	Optional<Settings> find(OrgId org) {
		return Optional.ofNullable(settings.find(Filters.eq("_id", org.value())).first()).map(AutoTopUpStore::read);
	}

	/**
	 * Turns auto top-up on with these terms; a new configuration starts with no failures
	 * counted.
	 */
	void save(OrgId org, String lookupKey, Credits threshold, int monthlyLimit, Instant now) {
		settings.updateOne(Filters.eq("_id", org.value()),
				Updates.combine(Updates.set("enabled", true), Updates.set("lookupKey", lookupKey),
						Updates.set("threshold", threshold.toString()), Updates.set("monthlyLimit", monthlyLimit),
						Updates.set("failures", 0), Updates.set("updatedAt", Date.from(now)),
						Updates.unset("retryAfter"), Updates.unset("disabledReason"),
						Updates.setOnInsert("crossing", 0L)),
				new UpdateOptions().upsert(true));
	}

	void disable(OrgId org, String reason) {
		settings.updateOne(Filters.eq("_id", org.value()),
				Updates.combine(Updates.set("enabled", false), Updates.set("disabledReason", reason)));
	}

	/**
	 * Opens the next crossing once the purchase of {@code crossing} has ended; a no-op
	 * when already done.
	 */
	void advance(OrgId org, long crossing) {
		settings.updateOne(Filters.and(Filters.eq("_id", org.value()), Filters.eq("crossing", crossing)),
				Updates.inc("crossing", 1L));
	}

	void recordSuccess(OrgId org) {
		settings.updateOne(Filters.eq("_id", org.value()),
				Updates.combine(Updates.set("failures", 0), Updates.unset("retryAfter")));
	}

	/**
	 * Counts a failed purchase; at {@code maxFailures} in a row auto top-up turns itself
	 * off.
	 * @return true when this failure turned it off
	 */
	boolean recordFailure(OrgId org, String code, Instant now, Instant retryAfter, int maxFailures) {
		Document after = settings.findOneAndUpdate(Filters.eq("_id", org.value()),
				Updates.combine(Updates.inc("failures", 1), Updates.set("lastFailureCode", code),
						Updates.set("lastFailureAt", Date.from(now)), Updates.set("retryAfter", Date.from(retryAfter))),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		if (after == null || after.getInteger("failures", 0) < maxFailures) {
			return false;
		}
		return settings
			.updateOne(Filters.and(Filters.eq("_id", org.value()), Filters.eq("enabled", true)),
					Updates.combine(Updates.set("enabled", false), Updates.set("disabledReason", "too_many_failures")))
			.getModifiedCount() == 1;
	}

	/**
	 * Orgs with auto top-up on whose retry time (if any) has come, at most {@code limit}.
	 */
	List<OrgId> enabledAndDue(Instant now, int limit) {
		List<OrgId> orgs = new ArrayList<>();
		settings
			.find(Filters.and(Filters.eq("enabled", true),
					Filters.or(Filters.exists("retryAfter", false), Filters.lte("retryAfter", Date.from(now)))))
			.limit(limit)
			.forEach(d -> orgs.add(new OrgId(d.getString("_id"))));
		return orgs;
	}

	private static Settings read(Document d) {
		return new Settings(new OrgId(d.getString("_id")), d.getBoolean("enabled", false), d.getString("lookupKey"),
				Credits.of(d.getString("threshold")), d.getInteger("monthlyLimit", 0),
				((Number) d.get("crossing", 0L)).longValue(), d.getInteger("failures", 0), instant(d, "retryAfter"),
				d.getString("disabledReason"), d.getString("lastFailureCode"), instant(d, "lastFailureAt"));
	}

	static Instant instant(Document d, String field) {
		Date date = d.getDate(field);
		return date == null ? null : date.toInstant();
	}

}
