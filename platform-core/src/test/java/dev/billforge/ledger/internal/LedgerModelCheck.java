package dev.billforge.ledger.internal;

import static dev.billforge.ledger.internal.LedgerModelRun.expect;
import static dev.billforge.ledger.internal.LedgerModelRun.expectCredits;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.billforge.ledger.Alert;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.CapMode;
import dev.billforge.ledger.EntryType;
import dev.billforge.ledger.Grant;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.LedgerEntry;
import dev.billforge.ledger.LedgerVerification;
import dev.billforge.valuemetric.Credits;

/**
 * What must hold after every step of a {@link LedgerModelRun}: balances equal the
 * model's, the ledger re-derives them, alerts fired exactly when the model says, and the
 * safety invariants (no negative balance, no overage beyond a hard cap, no double charge)
 * hold on the ledger itself.
 */
final class LedgerModelCheck {

	private final LedgerModelRun run;

	private final LedgerModel model;

	private Balance previous;

	LedgerModelCheck(LedgerModelRun run) {
		this.run = run;
		this.model = run.model;
	}

	/**
	 * @param verify also replay the whole ledger; it checks every entry's recorded
	 * balances, so a drift is caught by the next verification even when it is not run
	 * after every step
	 */
	void afterStep(boolean verify) {
		Balance b = run.ledger.balance(run.org);
		expectCredits("available", model.available(), b.available());
		expectCredits("held", model.held(), b.held());
		expectCredits("debt", model.debt, b.debt());
		expectCredits("used in period", model.used, b.usedInPeriod());
		expectCredits("overage in period", model.overage, b.overageInPeriod());
		expectCredits("over cap in period", model.overCap, b.overCapInPeriod());
		expectCredits("period credits", model.periodCredits, b.periodCredits());
		expect("period start", model.periodStart, b.period().start());
		expect("period end", model.periodEnd, b.period().end());
		expect("overage allowed", model.overageAllowed, b.overageAllowed());
		expect("cap",
				model.cap == null ? null
						: model.cap.stripTrailingZeros().toPlainString() + (model.capHard ? " hard" : " soft"),
				b.cap() == null ? null : b.cap().credits() + (b.cap().mode() == CapMode.HARD ? " hard" : " soft"));
		expect("blocked", model.blocked, b.blockedReason() != null);
		expect("grants (id=remaining, consumption order)",
				model.grantsInOrder()
					.stream()
					.map(g -> g.id + "=" + g.remaining.stripTrailingZeros().toPlainString())
					.toList(),
				b.grants().stream().map(g -> g.id() + "=" + g.remaining()).toList());
		expect("open holds",
				model.openHolds()
					.stream()
					.map(h -> h.id + "=" + h.credits.stripTrailingZeros().toPlainString())
					.toList(),
				b.holds().stream().map(h -> h.id() + "=" + h.credits()).toList());
		invariants(b);
		expect("alerts fired (period start, kind)", new HashSet<>(model.fired), firedAlerts());
		if (verify) {
			LedgerVerification verification = run.ledger.verify(run.org);
			expect("ledger verification differences", List.of(), verification.differences());
			expect("ledger verification consistent", true, verification.consistent());
		}
		previous = b;
	}

	/**
	 * Safety properties checked on the ledger's own numbers, independently of the model.
	 */
	private void invariants(Balance b) {
		if (b.available().isNegative() || b.held().isNegative() || b.debt().isNegative()) {
			throw new AssertionError("negative balance: " + b);
		}
		for (Grant grant : b.grants()) {
			if (!grant.remaining().isPositive() || grant.remaining().isGreaterThan(grant.amount())) {
				throw new AssertionError("grant remaining outside (0, amount]: " + grant);
			}
		}
		if (previous != null && previous.period().equals(b.period())
				&& b.overageInPeriod().isGreaterThan(previous.overageInPeriod())) {
			if (!previous.overageAllowed() && !b.overageAllowed()) {
				throw new AssertionError("overage grew without overage allowed: " + previous.overageInPeriod() + " → "
						+ b.overageInPeriod());
			}
			if (b.cap() != null && b.cap().equals(previous.cap()) && b.cap().mode() == CapMode.HARD
					&& b.overageInPeriod().isGreaterThan(b.cap().credits())) {
				throw new AssertionError("billable overage " + b.overageInPeriod() + " passed the hard cap " + b.cap());
			}
		}
	}

	private Set<LedgerModel.Fired> firedAlerts() {
		List<Alert> alerts = run.ledger.alerts(run.org, 100_000);
		Set<LedgerModel.Fired> fired = new LinkedHashSet<>();
		for (Alert alert : alerts) {
			if (!fired.add(new LedgerModel.Fired(alert.periodStart(), Alert.key(alert.type(), alert.threshold())))) {
				throw new AssertionError("alert stored twice: " + alert);
			}
		}
		return fired;
	}

	/**
	 * Whole-ledger checks at the end of a run: every op key appears once (so nothing was
	 * charged twice), every charge entry adds up, each alert was fired by one op only,
	 * the charges total what the model charged, and closed periods reached billing with
	 * the model's figures.
	 */
	void atEnd() {
		Set<String> opKeys = new HashSet<>();
		Map<String, Integer> alertFirings = new HashMap<>();
		BigDecimal charged = BigDecimal.ZERO;
		long seq = run.ledger.balance(run.org).ledgerSeq();
		for (long s = 1; s <= seq; s++) {
			Commit commit = run.store.loadCommit(run.org.value(), s);
			expect("commit " + s + " exists", true, commit != null);
			for (OpRecord op : commit.ops()) {
				if (!opKeys.add(op.opKey())) {
					throw new AssertionError("op key applied twice: " + op.opKey());
				}
				for (OpRecord.FiredAlert alert : op.alerts()) {
					alertFirings.merge(alert.periodStart() + "|" + alert.key(), 1, Integer::sum);
				}
				for (LedgerEntry entry : op.entries()) {
					if (entry.type() == EntryType.DEBIT || entry.type() == EntryType.COMMIT) {
						charged = charged.add(entry.credits().amount());
						Credits parts = entry.overage().plus(entry.overCap()).plus(entry.debt());
						for (LedgerEntry.Draw draw : entry.draws()) {
							parts = parts.plus(draw.credits());
						}
						expect("charge " + op.opKey() + " adds up", entry.credits(), parts);
					}
				}
			}
		}
		alertFirings.forEach((alert, count) -> expect("firings of alert " + alert, 1, count));
		if (model.totalCharged.compareTo(charged) != 0) {
			throw new AssertionError("ledger charged " + charged + " in total, the model " + model.totalCharged);
		}
		expect("closed periods",
				model.closed.stream()
					.map(c -> c.start() + "–" + c.end() + " used " + plain(c.used()) + " overage " + plain(c.overage())
							+ " over cap " + plain(c.overCap()))
					.toList(),
				run.closedSeen.stream().map(LedgerModelCheck::describe).toList());
	}

	private static String describe(LedgerCommitted.PeriodClosed c) {
		return c.period().start() + "–" + c.period().end() + " used " + c.used() + " overage " + c.overage()
				+ " over cap " + c.overCap();
	}

	private static String plain(BigDecimal amount) {
		return new Credits(amount).toString();
	}

}
