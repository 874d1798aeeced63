package dev.billforge.storage;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * A lock so that a scheduled job runs on one instance at a time, in the {@code shedlock}
 * collection with ShedLock's document layout ({@code _id} = job name, {@code lockUntil},
 * {@code lockedAt}, {@code lockedBy}). Taking it is one atomic compare-and-set on
 * {@code _id}; a crashed holder's lock lapses at {@code lockUntil}. (ShedLock itself is
 * not in this machine's Maven mirror.) Used by billing's jobs and telemetry's agent
 * alerts.
 */
public final class JobLock {

	static final String LOCKS = "shedlock";

	private final MongoCollection<Document> locks;

	private final Clock clock;

	private final String me = ManagementFactory.getRuntimeMXBean().getName() + ":" + java.util.UUID.randomUUID();

	public JobLock(MongoTemplate mongo, Clock clock) {
		this.locks = mongo.getCollection(LOCKS);
		this.clock = clock;
	}

	/**
	 * True when this instance now holds the lock {@code name} for at most {@code atMost}.
	 */
	public boolean tryLock(String name, Duration atMost) {
		Instant now = clock.instant();
		Date until = Date.from(now.plus(atMost));
		try {
			Document taken = locks.findOneAndUpdate(
					Filters.and(Filters.eq("_id", name), Filters.lte("lockUntil", Date.from(now))),
					Updates.combine(Updates.set("lockUntil", until), Updates.set("lockedAt", Date.from(now)),
							Updates.set("lockedBy", me)),
					new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
			return taken != null && me.equals(taken.getString("lockedBy"));
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false; // held by someone else: the upsert collided with the live
								// lock's _id
			}
			throw ex;
		}
		catch (com.mongodb.MongoCommandException ex) {
			if (ex.getErrorCode() == 11000) {
				return false;
			}
			throw ex;
		}
	}

	public void unlock(String name) {
		locks.updateOne(Filters.and(Filters.eq("_id", name), Filters.eq("lockedBy", me)),
				Updates.set("lockUntil", Date.from(clock.instant())));
	}

}
