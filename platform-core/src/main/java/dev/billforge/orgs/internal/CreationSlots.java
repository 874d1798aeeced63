package dev.billforge.orgs.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.billforge.orgs.OrgsProperties;

/**
 * The limits on orgs a person creates, claimed atomically so concurrent requests (two
 * tabs, two instances) cannot both pass a count they read before either wrote. Each
 * allowance is a numbered slot, one document keyed by person and number: a free-tier slot
 * is taken once for good; a rate slot is taken again once its last use left the window. A
 * crash after a claim and before the org is stored only uses a slot up.
 */
final class CreationSlots {

	static final String SLOTS = "org_creation_slots";

	private final MongoCollection<Document> slots;

	private final OrgsProperties limits;

	private final Clock clock;

	CreationSlots(MongoTemplate mongo, OrgsProperties limits, Clock clock) {
		this.slots = mongo.getCollection(SLOTS);
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Takes one of the person's {@code max-created-per-window} slots; false when all are
	 * in use.
	 */
	boolean claimCreation(String subject) {
		Instant now = clock.instant();
		Date windowStart = Date.from(now.minus(limits.creationWindow()));
		for (int slot = 0; slot < limits.maxCreatedPerWindow(); slot++) {
			String id = "rate|" + subject + "|" + slot;
			if (insert(new Document("_id", id).append("at", Date.from(now))) || slots
				.updateOne(Filters.and(Filters.eq("_id", id), Filters.lte("at", windowStart)),
						Updates.set("at", Date.from(now)))
				.getModifiedCount() == 1) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Takes one of the person's free-tier slots from {@code taken} on; false when none is
	 * left.
	 */
	boolean claimFreeTier(String subject, long taken) {
		for (long slot = taken; slot < limits.freeTierOrgsPerPerson(); slot++) {
			if (insert(new Document("_id", "free|" + subject + "|" + slot))) {
				return true;
			}
		}
		return false;
	}

	private boolean insert(Document slot) {
		try {
			slots.insertOne(slot);
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			return false;
		}
	}

}
