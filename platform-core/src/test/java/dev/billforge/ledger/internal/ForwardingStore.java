package dev.billforge.ledger.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.billforge.ledger.Alert;
import dev.billforge.ledger.ParkedProjection;

/**
 * A {@link LedgerStore} that passes everything on; tests override what they want to
 * break.
 */
class ForwardingStore implements LedgerStore {

	private final LedgerStore delegate;

	ForwardingStore(LedgerStore delegate) {
		this.delegate = delegate;
	}

	@Override
	public AccountSnapshot loadSnapshot(String orgId) {
		return delegate.loadSnapshot(orgId);
	}

	@Override
	public Commit loadCommit(String orgId, long seq) {
		return delegate.loadCommit(orgId, seq);
	}

	@Override
	public boolean commitExists(String orgId, long seq) {
		return delegate.commitExists(orgId, seq);
	}

	@Override
	public void insertCommit(Commit commit) {
		delegate.insertCommit(commit);
	}

	@Override
	public Map<String, StoredOp> findOps(String orgId, Collection<String> opKeys) {
		return delegate.findOps(orgId, opKeys);
	}

	@Override
	public void projectCommit(Commit commit) {
		projectCommits(List.of(commit));
	}

	@Override
	public void projectCommits(List<Commit> commits) {
		delegate.projectCommits(commits);
	}

	@Override
	public void saveSnapshot(AccountSnapshot snapshot) {
		delegate.saveSnapshot(snapshot);
	}

	@Override
	public List<Alert> alerts(String orgId, int limit) {
		return delegate.alerts(orgId, limit);
	}

	@Override
	public List<String> accountIds() {
		return delegate.accountIds();
	}

	@Override
	public void park(ParkedProjection parked) {
		delegate.park(parked);
	}

	@Override
	public List<ParkedProjection> parked(int limit) {
		return delegate.parked(limit);
	}

	@Override
	public List<ParkedProjection> parked(String orgId) {
		return delegate.parked(orgId);
	}

	@Override
	public void unpark(String orgId, long seq) {
		delegate.unpark(orgId, seq);
	}

	@Override
	public void lowerDue(String orgId, Instant due, long seq) {
		delegate.lowerDue(orgId, due, seq);
	}

	@Override
	public void setDue(String orgId, Instant due, long seq) {
		delegate.setDue(orgId, due, seq);
	}

	@Override
	public List<String> dueAccounts(Instant now, int limit) {
		return delegate.dueAccounts(now, limit);
	}

	@Override
	public boolean dueDatesBackfilled() {
		return delegate.dueDatesBackfilled();
	}

	@Override
	public void markDueDatesBackfilled() {
		delegate.markDueDatesBackfilled();
	}

}
