package dev.billforge.ledger.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.billforge.ledger.Alert;

/** A {@link LedgerStore} that passes everything on; tests override what they want to break. */
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

}
