package dev.billforge.ledger.internal;

import java.util.ArrayList;
import java.util.List;

import dev.billforge.ledger.Alert;
import dev.billforge.ledger.EntryType;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.LedgerEntry;
import dev.billforge.orgs.OrgId;

/**
 * Brings everything derived from a commit up to date: op keys and alerts, read models of other
 * modules, and the account snapshot. Every step is idempotent, so a commit projected twice (after
 * a crash, or by two instances) leaves the same result.
 */
final class CommitProjector {

	private final LedgerStore store;

	private final List<LedgerCommitListener> listeners;

	CommitProjector(LedgerStore store, List<LedgerCommitListener> listeners) {
		this.store = store;
		this.listeners = listeners;
	}

	/**
	 * Projects consecutive commits of one org, in order; {@code after} is the account as of one of
	 * them (the snapshot to save), or null.
	 */
	void project(List<Commit> commits, AccountState after) {
		store.projectCommits(commits);
		if (!listeners.isEmpty()) {
			List<LedgerCommitted> views = commits.stream().map(CommitProjector::view).toList();
			listeners.forEach(listener -> listener.onCommits(views));
		}
		if (after != null) {
			store.saveSnapshot(AccountSnapshot.of(after));
		}
	}

	static LedgerCommitted view(Commit commit) {
		List<LedgerCommitted.Charged> charges = new ArrayList<>();
		List<LedgerCommitted.PeriodClosed> closed = new ArrayList<>();
		List<Alert> alerts = new ArrayList<>();
		for (OpRecord op : commit.ops()) {
			for (LedgerEntry entry : op.entries()) {
				if (entry.type() == EntryType.DEBIT || entry.type() == EntryType.COMMIT) {
					charges.add(new LedgerCommitted.Charged(op.opKey(), entry.meter(), entry.quantity(), entry.credits(),
							op.occurredAt() != null ? op.occurredAt() : op.at(), op.dimensions()));
				}
			}
			for (OpRecord.FiredAlert fired : op.alerts()) {
				alerts.add(fired.toAlert(commit.orgId()));
			}
			if (op.period() != null && op.period().closed() != null) {
				closed.add(new LedgerCommitted.PeriodClosed(op.period().closed(), op.period().closedUsed(),
						op.period().closedOverage(), op.period().closedOverCap()));
			}
		}
		return new LedgerCommitted(new OrgId(commit.orgId()), commit.seq(), charges, closed, alerts);
	}

}
