package dev.billforge.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.billforge.ledger.Alert;
import dev.billforge.ledger.ParkedProjection;

/**
 * A {@link LedgerStore} in memory with the same guarantees the Mongo store relies on
 * (unique commit ids, atomic single writes), for fast unit and model-based tests of the
 * engine and the book.
 */
final class InMemoryLedgerStore implements LedgerStore {

	final Map<String, Commit> commits = new ConcurrentHashMap<>();

	final Map<String, StoredOp> ops = new ConcurrentHashMap<>();

	final Map<String, AccountSnapshot> snapshots = new ConcurrentHashMap<>();

	final Map<String, Alert> alerts = new ConcurrentHashMap<>();

	@Override
	public AccountSnapshot loadSnapshot(String orgId) {
		return snapshots.get(orgId);
	}

	@Override
	public Commit loadCommit(String orgId, long seq) {
		return commits.get(Commit.id(orgId, seq));
	}

	@Override
	public boolean commitExists(String orgId, long seq) {
		return commits.containsKey(Commit.id(orgId, seq));
	}

	@Override
	public void insertCommit(Commit commit) {
		if (commits.putIfAbsent(commit.id(), commit) != null) {
			throw new CommitConflict(commit.id());
		}
	}

	@Override
	public Map<String, StoredOp> findOps(String orgId, Collection<String> opKeys) {
		Map<String, StoredOp> found = new HashMap<>();
		for (String key : opKeys) {
			StoredOp op = ops.get(orgId + "|" + key);
			if (op != null) {
				found.put(key, op);
			}
		}
		return found;
	}

	@Override
	public void projectCommit(Commit commit) {
		for (OpRecord op : commit.ops()) {
			ops.putIfAbsent(commit.orgId() + "|" + op.opKey(),
					new StoredOp(op.opKey(), op.kind(), op.fingerprint(), commit.seq(), op.result()));
			for (OpRecord.FiredAlert fired : op.alerts()) {
				Alert alert = fired.toAlert(commit.orgId());
				alerts.putIfAbsent(alert.id(), alert);
			}
		}
	}

	@Override
	public void saveSnapshot(AccountSnapshot snapshot) {
		snapshots.merge(snapshot.orgId(), snapshot, (old, next) -> next.seq() > old.seq() ? next : old);
	}

	@Override
	public List<Alert> alerts(String orgId, int limit) {
		return alerts.values()
			.stream()
			.filter(alert -> alert.orgId().value().equals(orgId))
			.sorted((a, b) -> b.firedAt().compareTo(a.firedAt()))
			.limit(limit)
			.toList();
	}

	@Override
	public List<String> accountIds() {
		return new ArrayList<>(snapshots.keySet());
	}

	final Map<String, ParkedProjection> parked = new ConcurrentHashMap<>();

	/** orgId → [due date, seq]. */
	final Map<String, Object[]> due = new ConcurrentHashMap<>();

	volatile boolean backfilled;

	@Override
	public void park(ParkedProjection projection) {
		parked.put(Commit.id(projection.orgId().value(), projection.seq()), projection);
	}

	@Override
	public List<ParkedProjection> parked(int limit) {
		return parked.values()
			.stream()
			.sorted(Comparator.comparing(ParkedProjection::parkedAt).reversed())
			.limit(limit)
			.toList();
	}

	@Override
	public List<ParkedProjection> parked(String orgId) {
		return parked.values()
			.stream()
			.filter(p -> p.orgId().value().equals(orgId))
			.sorted(Comparator.comparingLong(ParkedProjection::seq))
			.toList();
	}

	@Override
	public void unpark(String orgId, long seq) {
		parked.remove(Commit.id(orgId, seq));
	}

	@Override
	public void lowerDue(String orgId, Instant dueAt, long seq) {
		due.merge(orgId, new Object[] { dueAt, seq }, (old, next) -> new Object[] {
				((Instant) old[0]).isBefore(dueAt) ? old[0] : dueAt, Math.max((Long) old[1], seq) });
	}

	@Override
	public void setDue(String orgId, Instant dueAt, long seq) {
		due.merge(orgId, new Object[] { dueAt, seq }, (old, next) -> (Long) old[1] <= seq ? next : old);
	}

	@Override
	public List<String> dueAccounts(Instant now, int limit) {
		return due.entrySet()
			.stream()
			.filter(e -> !((Instant) e.getValue()[0]).isAfter(now))
			.sorted(Comparator.comparing(e -> (Instant) e.getValue()[0]))
			.limit(limit)
			.map(Map.Entry::getKey)
			.toList();
	}

	@Override
	public boolean dueDatesBackfilled() {
		return backfilled;
	}

	@Override
	public void markDueDatesBackfilled() {
		backfilled = true;
	}

}
