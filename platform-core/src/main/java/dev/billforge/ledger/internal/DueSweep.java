package dev.billforge.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies due hold and grant expiries and period rollovers to accounts nobody touches. It
 * reads only the accounts whose due date (kept per org by projection, see
 * {@link LedgerStore#lowerDue}) has come, so its cost grows with the work that is due,
 * not with the number of orgs.
 */
final class DueSweep {

	private static final Logger log = LoggerFactory.getLogger(DueSweep.class);

	/**
	 * Most accounts settled in one run; the rest wait for the next (earliest due first).
	 */
	static final int BATCH = 1000;

	private final AccountBook book;

	private final LedgerStore store;

	private final Clock clock;

	DueSweep(AccountBook book, LedgerStore store, Clock clock) {
		this.book = book;
		this.store = store;
		this.clock = clock;
	}

	/** Settles the due accounts; returns how many were read. */
	int run() {
		int read = 0;
		if (!store.dueDatesBackfilled()) {
			// Accounts from before due dates were kept get one, once: this run reads
			// every account.
			for (String orgId : store.accountIds()) {
				read += settle(orgId);
			}
			store.markDueDatesBackfilled();
		}
		List<String> due = store.dueAccounts(clock.instant(), BATCH);
		for (String orgId : due) {
			read += settle(orgId);
		}
		return read;
	}

	/**
	 * Reading an account applies whatever is due on it; then its next due date is stored.
	 */
	private int settle(String orgId) {
		try {
			AccountState state = book.read(orgId);
			Instant next = state.nextDueAt();
			if (next != null) {
				store.setDue(orgId, next, state.seq);
			}
			return 1;
		}
		catch (RuntimeException ex) {
			log.warn("Cannot settle due work of ledger account {}; retried on the next sweep", orgId, ex);
			return 0;
		}
	}

}
