package dev.billforge.ledger;

/**
 * Keeps a read model in step with the ledger (e.g. metering's hourly usage rollups).
 * Called after each commit, in sequence order per org, at least once: after a crash the
 * commit is projected again, so implementations must be idempotent on
 * {@code (orgId, seq)}.
 */
public interface LedgerCommitListener {

	void onCommit(LedgerCommitted commit);

	/**
	 * Consecutive commits of one org, in sequence order, projected together. Override to
	 * write them in one go; the guard on {@code (orgId, seq)} must still hold when some
	 * of them were counted before.
	 */
	default void onCommits(java.util.List<LedgerCommitted> commits) {
		commits.forEach(this::onCommit);
	}

	/**
	 * Recomputes this read model for one org from its whole ledger: the operator's repair
	 * after a commit's projection was parked. The default hands every commit over again,
	 * which is right for listeners that write each fact once (insert-if-absent); a
	 * listener whose guard skips commits older than what it has counted must override it.
	 */
	default void rebuild(LedgerHistory history) {
		history.read(history.lastSeq(), this::onCommits);
	}

}
