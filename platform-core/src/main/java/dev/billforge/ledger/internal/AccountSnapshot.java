package dev.billforge.ledger.internal;

import java.time.ZoneId;
import java.util.List;

import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.Grant;
import dev.billforge.ledger.Hold;
import dev.billforge.ledger.SpendCap;
import dev.billforge.valuemetric.Credits;

/** The stored form of an {@link AccountState}. */
record AccountSnapshot(String orgId, long seq, String zone, List<Grant> grants, List<Hold> holds, Credits debt,
		BillingPeriod period, AccountState.PeriodSource periodSource, Credits periodCredits, Credits usedInPeriod,
		Credits overageInPeriod, Credits overCapInPeriod, List<String> firedAlerts, boolean overageAllowed,
		SpendCap cap, String blockedReason, List<Integer> thresholds) {

	static AccountSnapshot of(AccountState s) {
		return new AccountSnapshot(s.orgId, s.seq, s.zone == null ? null : s.zone.getId(), List.copyOf(s.grants),
				List.copyOf(s.holds.values()), s.debt, s.period, s.periodSource, s.periodCredits, s.usedInPeriod,
				s.overageInPeriod, s.overCapInPeriod, List.copyOf(s.firedAlerts), s.overageAllowed, s.cap,
				s.blockedReason, s.thresholds);
	}

	AccountState toState() {
		AccountState s = new AccountState(orgId);
		s.seq = seq;
		s.zone = zone == null ? null : ZoneId.of(zone);
		s.grants.addAll(grants);
		holds.forEach(hold -> s.holds.put(hold.id(), hold));
		s.debt = debt;
		s.period = period;
		s.periodSource = periodSource;
		s.periodCredits = periodCredits;
		s.usedInPeriod = usedInPeriod;
		s.overageInPeriod = overageInPeriod;
		s.overCapInPeriod = overCapInPeriod;
		s.firedAlerts.addAll(firedAlerts);
		s.overageAllowed = overageAllowed;
		s.cap = cap;
		s.blockedReason = blockedReason;
		// Snapshots written before per-org thresholds have none: the tenant's defaults.
		s.thresholds = thresholds == null ? List.of() : thresholds;
		return s;
	}

}
