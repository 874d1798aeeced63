package dev.billforge.ledger.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately simple reference model of one org's credit account, written from
 * {@code docs/ledger.md} with plain {@link BigDecimal} bookkeeping and no code shared
 * with the engine. {@link LedgerModelTest} runs the same random operations against the
 * model and the real ledger and compares them.
 */
final class LedgerModel {

	static final BigDecimal ZERO = BigDecimal.ZERO;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final int[] THRESHOLDS = { 70, 90, 100 };

	/**
	 * A grant with what is left of it; the engine's id is kept to compare grant by grant.
	 */
	static final class MGrant {

		String id;

		final String source;

		final int priority;

		final BigDecimal amount;

		BigDecimal remaining;

		final Instant grantedAt;

		final Instant expiresAt;

		MGrant(String id, String source, int priority, BigDecimal amount, Instant grantedAt, Instant expiresAt) {
			this.id = id;
			this.source = source;
			this.priority = priority;
			this.amount = amount;
			this.remaining = amount;
			this.grantedAt = grantedAt;
			this.expiresAt = expiresAt;
		}

	}

	enum HoldStatus {

		HELD, COMMITTED, RELEASED, EXPIRED

	}

	/** A reservation under its client key, with how it ended. */
	static final class MHold {

		final String key;

		final BigDecimal credits;

		final Instant expiresAt;

		String id;

		HoldStatus status = HoldStatus.HELD;

		/**
		 * Actual amount of the commit (also for a commit after expiry); null until
		 * committed.
		 */
		BigDecimal committed;

		BigDecimal released;

		MHold(String key, BigDecimal credits, Instant expiresAt) {
			this.key = key;
			this.credits = credits;
			this.expiresAt = expiresAt;
		}

	}

	/**
	 * An alert as (period start, kind) — e.g. {@code threshold:70}, {@code cap_reached}.
	 */
	record Fired(Instant periodStart, String kind) {
	}

	/** A period that closed, with the figures billing gets. */
	record Closed(Instant start, Instant end, BigDecimal used, BigDecimal overage, BigDecimal overCap) {
	}

	/** Where one charge went. */
	record Split(BigDecimal fromGrants, BigDecimal overage, BigDecimal overCap, BigDecimal debt) {
	}

	final ZoneId zone;

	final List<MGrant> grants = new ArrayList<>();

	/** All holds ever made, by client key, in creation order. */
	final Map<String, MHold> holds = new LinkedHashMap<>();

	BigDecimal debt = ZERO;

	Instant periodStart;

	Instant periodEnd;

	boolean subscriptionPeriod;

	BigDecimal periodCredits = ZERO;

	BigDecimal used = ZERO;

	BigDecimal overage = ZERO;

	BigDecimal overCap = ZERO;

	final Set<String> firedInPeriod = new LinkedHashSet<>();

	final Set<Fired> fired = new LinkedHashSet<>();

	final List<Closed> closed = new ArrayList<>();

	boolean overageAllowed;

	BigDecimal cap;

	boolean capHard;

	boolean blocked;

	/**
	 * Every charge ever made (all periods), to compare with the ledger's charge entries.
	 */
	BigDecimal totalCharged = ZERO;

	LedgerModel(ZoneId zone, Instant now, BigDecimal freeTier) {
		this.zone = zone;
		startCalendarMonth(now);
		if (freeTier.signum() > 0) {
			addGrant(new MGrant(null, "free_tier", 3, freeTier, now, null));
		}
	}

	// --- balances
	// --------------------------------------------------------------------------------

	BigDecimal remaining() {
		BigDecimal sum = ZERO;
		for (MGrant grant : grants) {
			sum = sum.add(grant.remaining);
		}
		return sum;
	}

	BigDecimal held() {
		BigDecimal sum = ZERO;
		for (MHold hold : holds.values()) {
			if (hold.status == HoldStatus.HELD) {
				sum = sum.add(hold.credits);
			}
		}
		return sum;
	}

	BigDecimal free() {
		return remaining().subtract(held()).subtract(debt);
	}

	BigDecimal available() {
		return free().max(ZERO);
	}

	List<MGrant> grantsInOrder() {
		List<MGrant> ordered = new ArrayList<>(grants);
		// Priority, earliest expiry (never last), oldest; grants made in the same instant
		// tie-break on id.
		ordered.sort(Comparator.<MGrant>comparingInt(g -> g.priority)
			.thenComparing(g -> g.expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(g -> g.grantedAt)
			.thenComparing(g -> g.id));
		return ordered;
	}

	List<MHold> openHolds() {
		return holds.values().stream().filter(h -> h.status == HoldStatus.HELD).toList();
	}

	MHold holdById(String id) {
		for (MHold hold : holds.values()) {
			if (id.equals(hold.id)) {
				return hold;
			}
		}
		return null;
	}

	// --- time
	// ----------------------------------------------------------------------------------------

	private void startCalendarMonth(Instant at) {
		LocalDate first = at.atZone(zone).toLocalDate().withDayOfMonth(1);
		startPeriodAt(first.atStartOfDay(zone).toInstant(), first.plusMonths(1).atStartOfDay(zone).toInstant());
		subscriptionPeriod = false;
	}

	private void startPeriodAt(Instant start, Instant end) {
		periodStart = start;
		periodEnd = end;
		periodCredits = remaining();
		used = ZERO;
		overage = ZERO;
		overCap = ZERO;
		firedInPeriod.clear();
	}

	/**
	 * Applies everything due by {@code now}, earliest first: hold expiry, then grant
	 * expiry, then period end.
	 */
	void settleTo(Instant now) {
		while (true) {
			Instant due = periodEnd;
			for (MHold hold : openHolds()) {
				due = hold.expiresAt.isBefore(due) ? hold.expiresAt : due;
			}
			for (MGrant grant : grants) {
				if (grant.expiresAt != null && grant.expiresAt.isBefore(due)) {
					due = grant.expiresAt;
				}
			}
			if (due.isAfter(now)) {
				return;
			}
			MHold expiring = null;
			for (MHold hold : openHolds()) {
				if (!hold.expiresAt.isAfter(due)) {
					expiring = hold;
					break;
				}
			}
			if (expiring != null) {
				expiring.status = HoldStatus.EXPIRED;
				payDebt();
				continue;
			}
			MGrant lapsing = null;
			for (MGrant grant : grants) {
				if (grant.expiresAt != null && !grant.expiresAt.isAfter(due)) {
					lapsing = grant;
					break;
				}
			}
			if (lapsing != null) {
				grants.remove(lapsing);
				continue;
			}
			closed.add(new Closed(periodStart, periodEnd, used, overage, overCap));
			if (subscriptionPeriod) {
				Duration length = Duration.between(periodStart, periodEnd);
				startPeriodAt(periodEnd, periodEnd.plus(length));
			}
			else {
				startCalendarMonth(periodEnd);
			}
		}
	}

	// --- money movements
	// -----------------------------------------------------------------------------

	private void addGrant(MGrant grant) {
		grants.add(grant);
		periodCredits = periodCredits.add(grant.amount);
	}

	/**
	 * Takes up to {@code amount} from grants in consumption order; returns what was
	 * taken.
	 */
	private BigDecimal draw(BigDecimal amount) {
		BigDecimal left = amount;
		for (MGrant grant : grantsInOrder()) {
			if (left.signum() <= 0) {
				break;
			}
			BigDecimal take = left.min(grant.remaining);
			grant.remaining = grant.remaining.subtract(take);
			left = left.subtract(take);
		}
		grants.removeIf(g -> g.remaining.signum() == 0);
		return amount.subtract(left);
	}

	/** Where a charge of {@code credits} would go now. */
	Split split(BigDecimal credits) {
		BigDecimal fromGrants = credits.min(available());
		BigDecimal shortfall = credits.subtract(fromGrants);
		if (shortfall.signum() == 0) {
			return new Split(fromGrants, ZERO, ZERO, ZERO);
		}
		if (!overageAllowed) {
			return new Split(fromGrants, ZERO, ZERO, shortfall);
		}
		if (cap == null || !capHard) {
			return new Split(fromGrants, shortfall, ZERO, ZERO);
		}
		BigDecimal billable = shortfall.min(capHeadroom());
		return new Split(fromGrants, billable, shortfall.subtract(billable), ZERO);
	}

	/**
	 * Overage a hard cap still allows: holds not covered by remaining credits count
	 * against it.
	 */
	private BigDecimal capHeadroom() {
		BigDecimal uncoveredHolds = held().subtract(remaining()).max(ZERO);
		return cap.subtract(overage).subtract(uncoveredHolds).max(ZERO);
	}

	private void charge(BigDecimal credits, Split split) {
		draw(split.fromGrants());
		overage = overage.add(split.overage());
		overCap = overCap.add(split.overCap());
		debt = debt.add(split.debt());
		used = used.add(credits);
		totalCharged = totalCharged.add(credits);
	}

	/** Credits that are free again (a grant, a released hold) pay debt first. */
	private void payDebt() {
		BigDecimal payable = debt.min(remaining().subtract(held()).max(ZERO));
		if (payable.signum() > 0) {
			draw(payable);
			debt = debt.subtract(payable);
		}
	}

	// --- operations
	// ------------------------------------------------------------------------------------

	/**
	 * @return the split, or null when {@code enforce} rejects it (the reason is
	 * {@link #rejection})
	 */
	Split usage(BigDecimal credits, boolean enforce, Instant now) {
		Split split = split(credits);
		if (enforce && (split.debt().signum() > 0 || split.overCap().signum() > 0)) {
			return null;
		}
		charge(credits, split);
		fireAlerts(now);
		return split;
	}

	String rejection(BigDecimal credits) {
		return split(credits).debt().signum() > 0 ? "insufficient_credits" : "cap_reached";
	}

	/**
	 * @return null when allowed, else the denial code
	 */
	String check(BigDecimal credits) {
		if (blocked) {
			return "account_blocked";
		}
		if (debt.signum() > 0) {
			return "insufficient_credits";
		}
		BigDecimal free = free();
		if (credits.compareTo(free) <= 0) {
			return null;
		}
		if (!overageAllowed) {
			return "insufficient_credits";
		}
		if (cap != null && capHard && credits.subtract(free.max(ZERO)).compareTo(capHeadroom()) > 0) {
			return "cap_reached";
		}
		return null;
	}

	MHold reserve(String key, BigDecimal credits, Duration ttl, Instant now) {
		MHold hold = new MHold(key, credits, now.plus(ttl));
		holds.put(key, hold);
		return hold;
	}

	void commitOpen(MHold hold, BigDecimal actual, Instant now) {
		hold.status = HoldStatus.COMMITTED;
		hold.committed = actual;
		// Up to the hold comes out of the reserved credits, whatever else happened
		// meanwhile.
		BigDecimal fromHold = draw(actual.min(hold.credits));
		// Anything above that (or what expired grants no longer cover) is charged like
		// usage.
		charge(actual, split(actual.subtract(fromHold)));
		hold.released = hold.credits.subtract(actual).max(ZERO);
		payDebt();
		fireAlerts(now);
	}

	/** The work of an expired hold happened: charged like usage. */
	void commitExpired(MHold hold, BigDecimal actual, Instant now) {
		hold.committed = actual;
		hold.released = ZERO;
		charge(actual, split(actual));
		fireAlerts(now);
	}

	void release(MHold hold) {
		hold.status = HoldStatus.RELEASED;
		payDebt();
	}

	void grant(String id, String source, int priority, BigDecimal credits, Instant expiresAt, Instant now) {
		addGrant(new MGrant(id, source, priority, credits, now, expiresAt));
		payDebt();
	}

	void clawBack(BigDecimal credits, String grantId) {
		BigDecimal taken;
		if (grantId == null) {
			taken = draw(credits);
		}
		else {
			taken = ZERO;
			for (MGrant grant : grants) {
				if (grant.id.equals(grantId)) {
					taken = credits.min(grant.remaining);
					grant.remaining = grant.remaining.subtract(taken);
				}
			}
			grants.removeIf(g -> g.remaining.signum() == 0);
		}
		debt = debt.add(credits.subtract(taken));
	}

	void startSubscriptionPeriod(Instant start, Instant end) {
		if (!end.isAfter(periodStart)) {
			return; // a report of a period that ended before this one began
		}
		if (!start.isAfter(periodStart)) {
			// the current period with its true bounds: nothing closes, nothing restarts
			periodStart = start;
			periodEnd = end;
			subscriptionPeriod = true;
			return;
		}
		// The period it replaces goes to billing as closed, with what it had so far.
		closed.add(new Closed(periodStart, periodEnd, used, overage, overCap));
		startPeriodAt(start, end);
		subscriptionPeriod = true;
	}

	// --- alerts
	// ----------------------------------------------------------------------------------------

	private void fireAlerts(Instant now) {
		for (int threshold : THRESHOLDS) {
			boolean crossed = periodCredits.signum() > 0
					? used.multiply(HUNDRED).compareTo(periodCredits.multiply(BigDecimal.valueOf(threshold))) >= 0
					: used.signum() > 0;
			fire("threshold:" + threshold, crossed);
		}
		if (cap != null) {
			fire("cap_reached", overage.compareTo(cap) >= 0 || overCap.signum() > 0);
		}
		long elapsed = Duration.between(periodStart, now).getSeconds();
		if (elapsed > 0 && used.signum() > 0) {
			// Run-rate since period start: used per second; available lasts available /
			// rate seconds.
			BigDecimal lasts = available().multiply(BigDecimal.valueOf(elapsed)).divide(used, MathContext.DECIMAL64);
			fire("projected_exhaustion", now.plusSeconds(lasts.longValue()).isBefore(periodEnd));
		}
	}

	private void fire(String kind, boolean condition) {
		if (condition && firedInPeriod.add(kind)) {
			fired.add(new Fired(periodStart, kind));
		}
	}

}
