package dev.billforge.ledger.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.Grant;
import dev.billforge.ledger.Hold;
import dev.billforge.ledger.LedgerEntry;
import dev.billforge.ledger.SpendCap;

/**
 * One operation inside a ledger commit: its idempotency key, the entries it produced, the
 * non-credit state it changed (markers) and the result returned to the caller (replayed
 * verbatim for a repeated key).
 */
record OpRecord(String opKey, OpKind kind, String fingerprint, Instant at, List<LedgerEntry> entries, Grant grant,
		Hold hold, PeriodChange period, Policy policy, List<FiredAlert> alerts, OpResult result, Instant occurredAt,
		Map<String, String> dimensions) {

	enum OpKind {

		OPEN, GRANT, USAGE, RESERVE, COMMIT, RELEASE, EXPIRE_HOLD, EXPIRE_GRANT, ROLL_PERIOD, SET_PERIOD, POLICY, ADJUST

	}

	/**
	 * A new period; for a rollover also the figures of the period that closed (billing
	 * invoices its overage). With {@code adjusted} the current period only gets new
	 * bounds; nothing restarts.
	 */
	record PeriodChange(BillingPeriod period, AccountState.PeriodSource source, BillingPeriod closed,
			dev.billforge.valuemetric.Credits closedUsed, dev.billforge.valuemetric.Credits closedOverage,
			dev.billforge.valuemetric.Credits closedOverCap, Boolean adjusted) {

		static PeriodChange adjust(BillingPeriod period, AccountState.PeriodSource source) {
			return new PeriodChange(period, source, null, null, null, null, Boolean.TRUE);
		}

	}

	/**
	 * Account settings that gate spending or alerting. A null field leaves that setting
	 * unchanged; an empty {@code thresholds} list goes back to the tenant's default
	 * thresholds.
	 */
	record Policy(Boolean overageAllowed, SpendCap cap, Boolean clearCap, String blockedReason, Boolean clearBlock,
			String zone, List<Integer> thresholds) {

		Policy(Boolean overageAllowed, SpendCap cap, Boolean clearCap, String blockedReason, Boolean clearBlock,
				String zone) {
			this(overageAllowed, cap, clearCap, blockedReason, clearBlock, zone, null);
		}

	}

	record FiredAlert(String key, String type, Integer threshold, Instant periodStart, Instant at,
			Map<String, String> details) {

		static String alertId(String orgId, Instant periodStart, String key) {
			return orgId + "|" + periodStart + "|" + key;
		}

		dev.billforge.ledger.Alert toAlert(String orgId) {
			return new dev.billforge.ledger.Alert(alertId(orgId, periodStart, key), new dev.billforge.orgs.OrgId(orgId),
					dev.billforge.ledger.Alert.AlertType.fromCode(type), threshold, periodStart, at, details);
		}

	}

	void applyEntry(AccountState state, LedgerEntry entry) {
		switch (entry.type()) {
			case GRANT -> state.applyGrant(grant);
			case HOLD -> state.applyHold(hold);
			default -> state.apply(entry);
		}
	}

	/**
	 * Applies this op's entries and markers to the state — the same path for live writes
	 * and replay.
	 */
	void applyTo(AccountState state) {
		applyPeriod(state);
		for (LedgerEntry entry : entries) {
			applyEntry(state, entry);
		}
		applyMarkers(state);
	}

	void applyPeriod(AccountState state) {
		if (period != null && Boolean.TRUE.equals(period.adjusted())) {
			state.adjustPeriod(period.period(), period.source());
		}
		else if (period != null) {
			state.startPeriod(period.period(), period.source());
		}
	}

	void applyMarkers(AccountState state) {
		if (policy != null) {
			if (policy.overageAllowed() != null) {
				state.overageAllowed = policy.overageAllowed();
			}
			if (Boolean.TRUE.equals(policy.clearCap())) {
				state.cap = null;
			}
			else if (policy.cap() != null) {
				state.cap = policy.cap();
			}
			if (Boolean.TRUE.equals(policy.clearBlock())) {
				state.blockedReason = null;
			}
			else if (policy.blockedReason() != null) {
				state.blockedReason = policy.blockedReason();
			}
			if (policy.zone() != null) {
				state.zone = java.time.ZoneId.of(policy.zone());
			}
			if (policy.thresholds() != null) {
				state.thresholds = List.copyOf(policy.thresholds());
			}
		}
		for (FiredAlert alert : alerts) {
			state.firedAlerts.add(alert.key());
		}
	}

}
