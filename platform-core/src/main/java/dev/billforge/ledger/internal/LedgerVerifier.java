package dev.billforge.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.billforge.ledger.LedgerEntry;
import dev.billforge.ledger.LedgerVerification;

/**
 * Replays an org's ledger from its first commit and reports every place where the
 * recorded balances, or the account's current state, differ from the re-derivation.
 */
final class LedgerVerifier {

	private final LedgerStore store;

	LedgerVerifier(LedgerStore store) {
		this.store = store;
	}

	LedgerVerification verify(AccountState current) {
		List<String> differences = new ArrayList<>();
		AccountState replay = new AccountState(current.orgId);
		long entries = 0;
		for (long seq = 1; seq <= current.seq; seq++) {
			Commit commit = store.loadCommit(current.orgId, seq);
			if (commit == null) {
				differences.add("commit " + seq + " is missing");
				break;
			}
			for (OpRecord op : commit.ops()) {
				op.applyPeriod(replay);
				for (LedgerEntry entry : op.entries()) {
					entries++;
					op.applyEntry(replay, entry);
					compare(differences, "entry " + seq + "-" + entry.index() + " available", entry.availableAfter(),
							replay.available());
					compare(differences, "entry " + seq + "-" + entry.index() + " held", entry.heldAfter(),
							replay.held());
					compare(differences, "entry " + seq + "-" + entry.index() + " debt", entry.debtAfter(),
							replay.debt);
				}
				op.applyMarkers(replay);
			}
			replay.seq = seq;
		}
		compare(differences, "available", current.available(), replay.available());
		compare(differences, "held", current.held(), replay.held());
		compare(differences, "debt", current.debt, replay.debt);
		compare(differences, "grants", current.grantsInConsumptionOrder(), replay.grantsInConsumptionOrder());
		compare(differences, "holds", List.copyOf(current.holds.values()), List.copyOf(replay.holds.values()));
		compare(differences, "used in period", current.usedInPeriod, replay.usedInPeriod);
		compare(differences, "overage in period", current.overageInPeriod, replay.overageInPeriod);
		return new LedgerVerification(differences.isEmpty(), current.seq, entries, differences);
	}

	private static void compare(List<String> differences, String what, Object recorded, Object derived) {
		if (!Objects.equals(recorded, derived)) {
			differences.add(what + ": recorded " + recorded + ", ledger gives " + derived);
		}
	}

}
