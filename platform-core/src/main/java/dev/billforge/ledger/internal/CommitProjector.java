package dev.billforge.ledger.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.billforge.ledger.Alert;
import dev.billforge.ledger.EntryType;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.LedgerEntry;
import dev.billforge.ledger.ParkedProjection;
import dev.billforge.orgs.OrgId;

/**
 * Brings everything derived from a commit up to date: op keys and alerts, read models of
 * other modules, and the account snapshot. Every step is idempotent, so a commit
 * projected twice (after a crash, or by two instances) leaves the same result.
 */
final class CommitProjector {

	/** Longest failure text kept with a parked commit. */
	private static final int MAX_ERROR = 500;

	private final LedgerStore store;

	private final List<LedgerCommitListener> listeners;

	private final Clock clock;

	CommitProjector(LedgerStore store, List<LedgerCommitListener> listeners, Clock clock) {
		this.store = store;
		this.listeners = listeners;
		this.clock = clock;
	}

	List<LedgerCommitListener> listeners() {
		return listeners;
	}

	/**
	 * The ledger's own projection of consecutive commits of one org: op keys and alerts,
	 * and the due date of {@code bringsDueForward} (the account as of the last of them)
	 * when it is earlier than the one before.
	 */
	void projectOwn(List<Commit> commits, AccountState bringsDueForward) {
		if (!commits.isEmpty()) {
			store.projectCommits(commits);
		}
		if (bringsDueForward != null) {
			store.lowerDue(bringsDueForward.orgId, bringsDueForward.nextDueAt(), bringsDueForward.seq);
		}
	}

	/** Read models of other modules, in commit order. */
	void notifyListeners(List<Commit> commits) {
		if (!listeners.isEmpty() && !commits.isEmpty()) {
			List<LedgerCommitted> views = commits.stream().map(CommitProjector::view).toList();
			listeners.forEach(listener -> listener.onCommits(views));
		}
	}

	void saveSnapshot(AccountState after) {
		store.saveSnapshot(AccountSnapshot.of(after));
	}

	/**
	 * Sets a commit aside whose read models keep failing: the operator sees it and
	 * rebuilds.
	 */
	void park(Commit commit, int attempts, RuntimeException failure) {
		String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		store.park(new ParkedProjection(new OrgId(commit.orgId()), commit.seq(), attempts,
				error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, clock.instant()));
	}

	static LedgerCommitted view(Commit commit) {
		List<LedgerCommitted.Charged> charges = new ArrayList<>();
		List<LedgerCommitted.PeriodClosed> closed = new ArrayList<>();
		List<Alert> alerts = new ArrayList<>();
		for (OpRecord op : commit.ops()) {
			for (LedgerEntry entry : op.entries()) {
				if (entry.type() == EntryType.DEBIT || entry.type() == EntryType.COMMIT) {
					charges.add(new LedgerCommitted.Charged(op.opKey(), entry.meter(), entry.quantity(),
							entry.credits(), op.occurredAt() != null ? op.occurredAt() : op.at(), op.dimensions()));
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
