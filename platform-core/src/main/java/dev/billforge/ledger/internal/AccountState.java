package dev.billforge.ledger.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.Grant;
import dev.billforge.ledger.Hold;
import dev.billforge.ledger.LedgerEntry;
import dev.billforge.ledger.SpendCap;
import dev.billforge.valuemetric.Credits;

/**
 * One org's credit account as of ledger sequence {@link #seq}. It changes only by
 * applying ledger entries and op markers, so replaying the ledger from the first commit
 * rebuilds it exactly.
 */
final class AccountState {

	/**
	 * Consumption order: priority, then earliest expiry (never-expiring last), then
	 * oldest.
	 */
	static final Comparator<Grant> CONSUMPTION_ORDER = Comparator.comparingInt(Grant::priority)
		.thenComparing(Grant::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Grant::grantedAt)
		.thenComparing(Grant::id);

	final String orgId;

	long seq;

	ZoneId zone;

	final List<Grant> grants = new ArrayList<>();

	final Map<String, Hold> holds = new LinkedHashMap<>();

	Credits debt = Credits.ZERO;

	BillingPeriod period;

	PeriodSource periodSource = PeriodSource.CALENDAR;

	Credits periodCredits = Credits.ZERO;

	Credits usedInPeriod = Credits.ZERO;

	Credits overageInPeriod = Credits.ZERO;

	Credits overCapInPeriod = Credits.ZERO;

	final Set<String> firedAlerts = new LinkedHashSet<>();

	boolean overageAllowed;

	SpendCap cap;

	String blockedReason;

	/**
	 * The org's own alert thresholds (percent, ascending); empty: the tenant's defaults.
	 */
	List<Integer> thresholds = List.of();

	AccountState(String orgId) {
		this.orgId = orgId;
	}

	enum PeriodSource {

		/** Calendar months in the org's time zone (orgs without a subscription). */
		CALENDAR,
		/** Set by the subscription's billing periods. */
		SUBSCRIPTION

	}

	Credits remaining() {
		Credits total = Credits.ZERO;
		for (Grant grant : grants) {
			total = total.plus(grant.remaining());
		}
		return total;
	}

	Credits held() {
		Credits total = Credits.ZERO;
		for (Hold hold : holds.values()) {
			total = total.plus(hold.credits());
		}
		return total;
	}

	/**
	 * Remaining minus held minus debt; negative when holds or debt exceed what is left.
	 */
	Credits free() {
		return remaining().minus(held()).minus(debt);
	}

	Credits available() {
		return free().atLeastZero();
	}

	/**
	 * Holds that are not covered by remaining grants: they would run into overage when
	 * committed.
	 */
	Credits heldBeyondRemaining() {
		return held().minus(remaining()).atLeastZero();
	}

	List<Grant> grantsInConsumptionOrder() {
		List<Grant> ordered = new ArrayList<>(grants);
		ordered.sort(CONSUMPTION_ORDER);
		return ordered;
	}

	Grant grant(String grantId) {
		for (Grant grant : grants) {
			if (grant.id().equals(grantId)) {
				return grant;
			}
		}
		return null;
	}

	/**
	 * Plans draws of {@code amount} from grants in consumption order, without changing
	 * anything.
	 */
	List<LedgerEntry.Draw> planDraws(Credits amount) {
		List<LedgerEntry.Draw> draws = new ArrayList<>();
		Credits left = amount;
		for (Grant grant : grantsInConsumptionOrder()) {
			if (!left.isPositive()) {
				break;
			}
			Credits take = left.min(grant.remaining());
			if (take.isPositive()) {
				draws.add(new LedgerEntry.Draw(grant.id(), take));
				left = left.minus(take);
			}
		}
		return draws;
	}

	static Credits sum(List<LedgerEntry.Draw> draws) {
		Credits total = Credits.ZERO;
		for (LedgerEntry.Draw draw : draws) {
			total = total.plus(draw.credits());
		}
		return total;
	}

	/** Applies one ledger entry; the only way credits move. */
	void apply(LedgerEntry entry) {
		switch (entry.type()) {
			case GRANT -> {
				throw new IllegalStateException("grants are applied with applyGrant");
			}
			case DEBIT -> {
				applyDraws(entry.draws());
				usedInPeriod = usedInPeriod.plus(entry.credits());
				addBreakdown(entry);
			}
			case HOLD -> throw new IllegalStateException("holds are applied with applyHold");
			case COMMIT -> {
				holds.remove(entry.holdId());
				applyDraws(entry.draws());
				usedInPeriod = usedInPeriod.plus(entry.credits());
				addBreakdown(entry);
			}
			case RELEASE -> holds.remove(entry.holdId());
			case EXPIRY -> {
				grants.removeIf(grant -> grant.id().equals(entry.grantId()));
			}
			case ADJUSTMENT -> {
				applyDraws(entry.draws());
				debt = debt.plus(entry.debt());
			}
			case DEBT_SETTLEMENT -> {
				applyDraws(entry.draws());
				debt = debt.minus(entry.credits());
			}
		}
	}

	void applyGrant(Grant grant) {
		grants.add(grant);
		periodCredits = periodCredits.plus(grant.amount());
	}

	void applyHold(Hold hold) {
		holds.put(hold.id(), hold);
	}

	private void addBreakdown(LedgerEntry entry) {
		overageInPeriod = overageInPeriod.plus(entry.overage());
		overCapInPeriod = overCapInPeriod.plus(entry.overCap());
		debt = debt.plus(entry.debt());
	}

	/** Takes planned draws out of the grants (for working out an op on a copy). */
	void takeDraws(List<LedgerEntry.Draw> draws) {
		applyDraws(draws);
	}

	/**
	 * Takes drawn credits out of their grants; a grant used up leaves the account (its
	 * history stays in the ledger).
	 */
	private void applyDraws(List<LedgerEntry.Draw> draws) {
		for (LedgerEntry.Draw draw : draws) {
			Grant grant = grant(draw.grantId());
			if (grant == null) {
				throw new IllegalStateException("draw from unknown grant " + draw.grantId());
			}
			Credits left = grant.remaining().minus(draw.credits());
			if (left.isNegative()) {
				throw new IllegalStateException("draw of " + draw.credits() + " exceeds grant " + grant.id());
			}
			int index = grants.indexOf(grant);
			if (left.isZero()) {
				grants.remove(index);
			}
			else {
				grants.set(index, new Grant(grant.id(), grant.source(), grant.amount(), left, grant.priority(),
						grant.grantedAt(), grant.expiresAt(), grant.reason(), grant.reference()));
			}
		}
	}

	/** Starts a new period: counters restart and alerts may fire again. */
	void startPeriod(BillingPeriod next, PeriodSource source) {
		period = next;
		periodSource = source;
		periodCredits = remaining();
		usedInPeriod = Credits.ZERO;
		overageInPeriod = Credits.ZERO;
		overCapInPeriod = Credits.ZERO;
		firedAlerts.clear();
	}

	/** Gives the current period new bounds; counters and fired alerts carry on. */
	void adjustPeriod(BillingPeriod bounds, PeriodSource source) {
		period = bounds;
		periodSource = source;
	}

	/** The earliest time-driven transition due at or before {@code now}, if any. */
	Instant nextDueAt() {
		Instant next = period == null ? null : period.end();
		for (Hold hold : holds.values()) {
			next = earlier(next, hold.expiresAt());
		}
		for (Grant grant : grants) {
			next = earlier(next, grant.expiresAt());
		}
		return next;
	}

	private static Instant earlier(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return b.isBefore(a) ? b : a;
	}

	AccountState copy() {
		AccountState copy = new AccountState(orgId);
		copy.seq = seq;
		copy.zone = zone;
		copy.grants.addAll(grants);
		copy.holds.putAll(holds);
		copy.debt = debt;
		copy.period = period;
		copy.periodSource = periodSource;
		copy.periodCredits = periodCredits;
		copy.usedInPeriod = usedInPeriod;
		copy.overageInPeriod = overageInPeriod;
		copy.overCapInPeriod = overCapInPeriod;
		copy.firedAlerts.addAll(firedAlerts);
		copy.overageAllowed = overageAllowed;
		copy.cap = cap;
		copy.blockedReason = blockedReason;
		copy.thresholds = thresholds;
		return copy;
	}

}
