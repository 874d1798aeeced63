package dev.billforge.ledger.internal;

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
 * One org's commits that are durable but not yet projected, in commit order. Whoever drains it
 * projects everything queued in one go (one insert of op keys, one snapshot), so projection keeps
 * up with group commit; read models see the commits in sequence order, which their guards rely on.
 * Until a commit's op keys are in the store they are answered from here, so a repeated key is
 * never charged twice.
 */
final class ProjectionQueue {

	private static final Logger log = LoggerFactory.getLogger(ProjectionQueue.class);

	/**
	 * A snapshot only shortens loading (the commits after it are replayed), so it is saved every few
	 * commits rather than on each: one write less per commit on a hot org.
	 */
	static final int SNAPSHOT_EVERY = 16;

	/** A request that returns to its caller once its commit is projected. */
	interface Waiter {

		void finish();

	}

	private record Entry(Commit commit, AccountState after, List<? extends Waiter> waiters) {
	}

	private final ConcurrentLinkedDeque<Entry> queue = new ConcurrentLinkedDeque<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<String, LedgerStore.StoredOp> unprojected = new ConcurrentHashMap<>();

	/** Sequence number of the last snapshot this instance saved; guarded by {@link #lock}. */
	private long snapshotSeq = -1;

	/** Queues a written commit; {@code after} is the account as of it (or null), {@code waiters} its requests. */
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

	/**
	 * Projects what is queued. Returns when the queue was empty at some point since the call, so
	 * a caller's own commit is projected, or being projected by the thread it will wait for.
	 */
	void drain(CommitProjector projector) {
		while (!queue.isEmpty()) {
			lock.lock();
			try {
				List<Entry> drained = new ArrayList<>();
				Entry next;
				while ((next = queue.poll()) != null) {
					drained.add(next);
				}
				if (drained.isEmpty()) {
					return;
				}
				boolean projected = project(projector, drained);
				drained.forEach(entry -> entry.waiters().forEach(Waiter::finish));
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
		List<Commit> commits = new ArrayList<>(drained.size());
		AccountState after = null;
		for (Entry entry : drained) {
			commits.add(entry.commit());
			if (entry.after() != null) {
				after = entry.after();
			}
		}
		if (after != null && snapshotSeq >= 0 && after.seq - snapshotSeq < SNAPSHOT_EVERY) {
			after = null;
		}
		try {
			projector.project(commits, after);
		}
		catch (RuntimeException ex) {
			// The commits are durable and answered from memory meanwhile; they go back to the front,
			// so nothing later is projected (nor a newer snapshot saved) before them.
			log.warn("Projection of ledger commits {}..{} failed; it will be retried", commits.get(0).id(),
					commits.get(commits.size() - 1).id(), ex);
			for (int i = drained.size() - 1; i >= 0; i--) {
				queue.addFirst(new Entry(drained.get(i).commit(), drained.get(i).after(), List.of()));
			}
			return false;
		}
		if (after != null) {
			snapshotSeq = after.seq;
		}
		for (Commit commit : commits) {
			for (OpRecord op : commit.ops()) {
				unprojected.remove(op.opKey());
			}
		}
		return true;
	}

}
