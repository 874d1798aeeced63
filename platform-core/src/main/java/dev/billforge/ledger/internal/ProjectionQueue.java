package dev.billforge.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One org's commits that are durable but not yet projected, in commit order. Whoever
 * drains it projects everything queued in one go (one insert of op keys, one snapshot),
 * so projection keeps up with group commit; read models see the commits in sequence
 * order, which their guards rely on. Until a commit's op keys are in the store they are
 * answered from here, so a repeated key is never charged twice.
 * <p>
 * Projection has two steps. The ledger's own (op keys, alerts, due date) is what
 * exactly-once rests on: when it fails, the commits stay queued and nothing later is
 * projected (the store is failing; these fixed-shape documents of strings do not depend
 * on the values charged). Read models of other modules come second: a commit whose read
 * models keep failing is parked after {@code maxAttempts} drains (its op keys are stored
 * by then), so it cannot hold up the org's later commits.
 */
final class ProjectionQueue {

	private static final Logger log = LoggerFactory.getLogger(ProjectionQueue.class);

	/**
	 * A snapshot only shortens loading (the commits after it are replayed), so it is
	 * saved every few commits rather than on each: one write less per commit on a hot
	 * org.
	 */
	static final int SNAPSHOT_EVERY = 16;

	/** A request that returns to its caller once its commit is projected. */
	interface Waiter {

		void finish();

	}

	private static final class Entry {

		final Commit commit;

		final AccountState after;

		List<? extends Waiter> waiters;

		/** Op keys, alerts and due date are stored; guarded by {@link #lock}. */
		boolean ownProjected;

		/**
		 * Drains in which this commit's read models failed on their own; guarded by
		 * {@link #lock}.
		 */
		int attempts;

		Entry(Commit commit, AccountState after, List<? extends Waiter> waiters) {
			this.commit = commit;
			this.after = after;
			this.waiters = waiters;
		}

	}

	private final ConcurrentLinkedDeque<Entry> queue = new ConcurrentLinkedDeque<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<String, LedgerStore.StoredOp> unprojected = new ConcurrentHashMap<>();

	private final int maxAttempts;

	/**
	 * Sequence number of the last snapshot this instance saved; guarded by {@link #lock}.
	 */
	private long snapshotSeq = -1;

	/**
	 * Due date of the account as last projected here (null: not known yet); guarded by
	 * {@link #lock}.
	 */
	private Instant projectedDue;

	ProjectionQueue(int maxAttempts) {
		this.maxAttempts = Math.max(1, maxAttempts);
	}

	/**
	 * Queues a written commit; {@code after} is the account as of it (or null),
	 * {@code waiters} its requests.
	 */
	void add(Commit commit, AccountState after, List<? extends Waiter> waiters) {
		for (OpRecord op : commit.ops()) {
			unprojected.put(op.opKey(), LedgerStore.StoredOp.of(op, commit.seq()));
		}
		queue.add(new Entry(commit, after, waiters));
	}

	/** Those of {@code opKeys} that belong to commits not yet projected. */
	Map<String, LedgerStore.StoredOp> known(Collection<String> opKeys) {
		if (unprojected.isEmpty()) {
			return Map.of();
		}
		Map<String, LedgerStore.StoredOp> found = new HashMap<>();
		for (String key : opKeys) {
			LedgerStore.StoredOp op = unprojected.get(key);
			if (op != null) {
				found.put(key, op);
			}
		}
		return found;
	}

	/** Commits durable but not yet projected here (the projection lag, in commits). */
	int queued() {
		return queue.size();
	}

	/** How many op keys are answered from memory: the store has not taken them yet. */
	int backlog() {
		return unprojected.size();
	}

	/**
	 * Projects what is queued. Returns when the queue was empty at some point since the
	 * call, so a caller's own commit is projected, or being projected by the thread it
	 * will wait for.
	 */
	void drain(CommitProjector projector) {
		while (!queue.isEmpty()) {
			lock.lock();
			try {
				List<Entry> drained = new ArrayList<>();
				List<Waiter> waiters = new ArrayList<>();
				Entry next;
				while ((next = queue.poll()) != null) {
					drained.add(next);
					waiters.addAll(next.waiters);
					next.waiters = List.of();
				}
				if (drained.isEmpty()) {
					return;
				}
				boolean projected = project(projector, drained);
				waiters.forEach(Waiter::finish);
				if (!projected) {
					return;
				}
			}
			finally {
				lock.unlock();
			}
		}
	}

	private boolean project(CommitProjector projector, List<Entry> drained) {
		return projectOwn(projector, drained) && projectReadModels(projector, drained)
				&& saveSnapshot(projector, drained);
	}

	/** Op keys and alerts, and the due date if these commits brought it forward. */
	private boolean projectOwn(CommitProjector projector, List<Entry> drained) {
		List<Commit> commits = new ArrayList<>(drained.size());
		for (Entry entry : drained) {
			if (!entry.ownProjected) {
				commits.add(entry.commit);
			}
		}
		AccountState latest = latest(drained);
		Instant due = latest == null ? null : latest.nextDueAt();
		boolean earlier = due != null && (projectedDue == null || due.isBefore(projectedDue));
		try {
			projector.projectOwn(commits, earlier ? latest : null);
		}
		catch (RuntimeException ex) {
			// The commits are durable and answered from memory meanwhile; they go back to
			// the front,
			// so nothing later is projected (nor a newer snapshot saved) before them.
			log.warn("Projection of ledger commits {}..{} failed; it will be retried", first(drained), last(drained),
					ex);
			requeue(drained);
			return false;
		}
		if (latest != null) {
			projectedDue = due;
		}
		for (Entry entry : drained) {
			entry.ownProjected = true;
			for (OpRecord op : entry.commit.ops()) {
				unprojected.remove(op.opKey());
			}
		}
		return true;
	}

	/**
	 * Read models of other modules, all commits in one go; after a failure one by one, so
	 * the commit that fails is found, retried on later drains and parked once it has
	 * failed {@link #maxAttempts} times.
	 */
	private boolean projectReadModels(CommitProjector projector, List<Entry> drained) {
		if (drained.get(0).attempts == 0) {
			try {
				projector.notifyListeners(drained.stream().map(entry -> entry.commit).toList());
				return true;
			}
			catch (RuntimeException ex) {
				log.warn("Read models of ledger commits {}..{} failed; projecting them one by one", first(drained),
						last(drained), ex);
			}
		}
		for (int i = 0; i < drained.size(); i++) {
			Entry entry = drained.get(i);
			try {
				projector.notifyListeners(List.of(entry.commit));
			}
			catch (RuntimeException ex) {
				entry.attempts++;
				if (entry.attempts < maxAttempts || !park(projector, entry, ex)) {
					log.warn("Read models of ledger commit {} failed (attempt {} of {})", entry.commit.id(),
							entry.attempts, maxAttempts, ex);
					requeue(drained.subList(i, drained.size()));
					return false;
				}
			}
		}
		return true;
	}

	private static boolean park(CommitProjector projector, Entry entry, RuntimeException failure) {
		try {
			projector.park(entry.commit, entry.attempts, failure);
		}
		catch (RuntimeException ex) {
			log.warn("Cannot park ledger commit {}", entry.commit.id(), ex);
			return false;
		}
		log.error(
				"Read models of ledger commit {} failed {} times; parked for an operator's rebuild, later commits go on",
				entry.commit.id(), entry.attempts, failure);
		return true;
	}

	/**
	 * Saves the newest state every {@link #SNAPSHOT_EVERY} commits; a failure only delays
	 * it.
	 */
	private boolean saveSnapshot(CommitProjector projector, List<Entry> drained) {
		AccountState after = latest(drained);
		if (after == null || (snapshotSeq >= 0 && after.seq - snapshotSeq < SNAPSHOT_EVERY)) {
			return true;
		}
		try {
			projector.saveSnapshot(after);
			snapshotSeq = after.seq;
		}
		catch (RuntimeException ex) {
			log.warn("Snapshot of ledger account {} at {} not saved; a later one will be", after.orgId, after.seq, ex);
		}
		return true;
	}

	private static AccountState latest(List<Entry> drained) {
		for (int i = drained.size() - 1; i >= 0; i--) {
			if (drained.get(i).after != null) {
				return drained.get(i).after;
			}
		}
		return null;
	}

	private void requeue(List<Entry> entries) {
		for (int i = entries.size() - 1; i >= 0; i--) {
			queue.addFirst(entries.get(i));
		}
	}

	private static String first(List<Entry> drained) {
		return drained.get(0).commit.id();
	}

	private static String last(List<Entry> drained) {
		return drained.get(drained.size() - 1).commit.id();
	}

}
