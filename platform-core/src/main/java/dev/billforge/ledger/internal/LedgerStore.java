package dev.billforge.ledger.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.billforge.ledger.Alert;
import dev.billforge.ledger.ParkedProjection;

/**
 * Durable storage of the ledger. Correctness rests on two single-document guarantees that
 * both real MongoDB and the embedded server give: a commit's id {@code orgId:seq} is
 * unique, and each write of one document is atomic. Everything else (op keys, alerts,
 * snapshots) is a projection of the commits, rewritten idempotently after a crash.
 */
interface LedgerStore {

	/** The last saved snapshot of an account, or null. It may lag behind the commits. */
	AccountSnapshot loadSnapshot(String orgId);

	Commit loadCommit(String orgId, long seq);

	boolean commitExists(String orgId, long seq);

	/**
	 * Appends a commit; throws {@link CommitConflict} when another writer took that
	 * sequence number.
	 */
	void insertCommit(Commit commit);

	/** The stored ops for these keys of one org. */
	Map<String, StoredOp> findOps(String orgId, Collection<String> opKeys);

	/** Writes the op keys and alerts of a commit; idempotent. */
	void projectCommit(Commit commit);

	/** Writes the op keys and alerts of several commits of one org; idempotent. */
	default void projectCommits(List<Commit> commits) {
		commits.forEach(this::projectCommit);
	}

	/** Saves a snapshot unless a newer one is stored. */
	void saveSnapshot(AccountSnapshot snapshot);

	List<Alert> alerts(String orgId, int limit);

	/**
	 * Ids of all orgs that have an account (for the one-time due-date backfill and
	 * verification).
	 */
	List<String> accountIds();

	/**
	 * Sets aside a commit whose read models could not be projected; idempotent on the
	 * commit.
	 */
	void park(ParkedProjection parked);

	/** Parked commits of every org, newest first. */
	List<ParkedProjection> parked(int limit);

	/** How many commits are parked, over every org (for the parked-commits gauge). */
	default long parkedCount() {
		return parked(Integer.MAX_VALUE).size();
	}

	/** Parked commits of one org, in sequence order. */
	List<ParkedProjection> parked(String orgId);

	void unpark(String orgId, long seq);

	/**
	 * Lowers the org's due date (its next hold or grant expiry or period end) to
	 * {@code due}, never raises it; {@code seq} is the commit it comes from. A stored due
	 * date is never later than the account's true one, so the sweeper cannot miss due
	 * work; an early one only costs a look.
	 */
	void lowerDue(String orgId, Instant due, long seq);

	/**
	 * Sets the org's due date as of commit {@code seq}, unless a newer commit has written
	 * one.
	 */
	void setDue(String orgId, Instant due, long seq);

	/**
	 * Orgs whose due date has come ({@code <= now}), earliest first: what the sweeper
	 * settles.
	 */
	List<String> dueAccounts(Instant now, int limit);

	/**
	 * Whether every account that existed before due dates were kept has been given one.
	 */
	boolean dueDatesBackfilled();

	void markDueDatesBackfilled();

	final class CommitConflict extends RuntimeException {

		CommitConflict(String commitId) {
			super("ledger commit " + commitId + " already exists");
		}

	}

	/** What an op key resolved to: replayed as the answer to a repeated request. */
	record StoredOp(String opKey, OpRecord.OpKind kind, String fingerprint, long seq, OpResult result) {

		static StoredOp of(OpRecord op, long seq) {
			return new StoredOp(op.opKey(), op.kind(), op.fingerprint(), seq, op.result());
		}

	}

}
