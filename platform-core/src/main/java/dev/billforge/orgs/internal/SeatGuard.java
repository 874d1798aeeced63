package dev.billforge.orgs.internal;

import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.SeatPolicy;

/**
 * Fills a seat at most once across instances. Optimistic: read the org's seat version,
 * count the seats used, write, then move the version on only if nobody else did
 * meanwhile; the loser withdraws its write and counts again. Of two invitations racing
 * for the last seat, exactly one stays.
 */
final class SeatGuard {

	static final String COLLECTION = "org_seat_versions";

	private static final int ATTEMPTS = 20;

	private final MongoCollection<Document> versions;

	private final ObjectProvider<SeatPolicy> policy;

	SeatGuard(MongoCollection<Document> versions, ObjectProvider<SeatPolicy> policy) {
		this.versions = versions;
		this.policy = policy;
	}

	OptionalLong limit(OrgId org) {
		SeatPolicy p = policy.getIfAvailable();
		return p == null ? OptionalLong.empty() : p.seats(org);
	}

	void freed(OrgId org, long used) {
		SeatPolicy p = policy.getIfAvailable();
		if (p != null) {
			p.seatsFreed(org, used);
		}
	}

	/**
	 * Runs {@code write} when a seat is free ({@code used} below the limit), else refuses
	 * with 402 {@code seats_exhausted}; {@code undo} withdraws a write that lost a race.
	 */
	<T> T claim(OrgId org, LongSupplier used, Supplier<T> write, Consumer<T> undo) {
		OptionalLong limit = limit(org);
		if (limit.isEmpty()) {
			return write.get();
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			long version = version(org);
			long filled = used.getAsLong();
			if (filled >= limit.getAsLong()) {
				throw new ProblemException(402, "seats_exhausted", "all " + limit.getAsLong()
						+ " paid seats are taken; an owner or billing member can add seats on the billing page");
			}
			T written = write.get();
			if (advance(org, version)) {
				return written;
			}
			undo.accept(written);
		}
		throw new ProblemException(409, "seats_busy", "seats are changing right now; try again");
	}

	private long version(OrgId org) {
		Document doc = versions.find(Filters.eq("_id", org.value())).first();
		return doc == null ? 0 : ((Number) doc.get("v")).longValue();
	}

	private boolean advance(OrgId org, long version) {
		if (version == 0) {
			try {
				versions.insertOne(new Document("_id", org.value()).append("v", 1L));
				return true;
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
					return false;
				}
				throw ex;
			}
		}
		return versions
			.updateOne(Filters.and(Filters.eq("_id", org.value()), Filters.eq("v", version)),
					Updates.set("v", version + 1))
			.getModifiedCount() == 1;
	}

}
