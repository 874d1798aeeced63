package dev.billforge.ledger.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.billforge.ledger.Alert;
import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.CapMode;
import dev.billforge.ledger.CheckResult;
import dev.billforge.ledger.DenialReason;
import dev.billforge.ledger.EntryType;
import dev.billforge.ledger.Grant;
import dev.billforge.ledger.GrantSource;
import dev.billforge.ledger.Hold;
import dev.billforge.ledger.LedgerEntry;
import dev.billforge.ledger.UsageCharge;
import dev.billforge.valuemetric.Credits;

/**
 * The billing rules of the credit ledger, as pure functions of an account's state. Every
 * method works out an op on a scratch copy, then applies the finished {@link OpRecord} to
 * the real state through {@link OpRecord#applyTo} — the same code that replays the
 * ledger, so a live balance and its re-derivation cannot disagree.
 */
final class LedgerEngine {

	private static final MathContext PROJECTION = MathContext.DECIMAL64;

	private final List<Integer> thresholds;

	List<Integer> defaultThresholds() {
		return thresholds;
	}

	LedgerEngine(List<Integer> thresholds) {
		this.thresholds = thresholds.stream().sorted().toList();
	}

	/**
	 * Where a charge goes: drawn from grants, billable overage, beyond a hard cap, or
	 * debt.
	 */
	record Breakdown(List<LedgerEntry.Draw> draws, Credits overage, Credits overCap, Credits debt) {

		boolean unfunded() {
			return debt.isPositive() || overCap.isPositive();
		}

	}

	// --- time-driven transitions
	// ---------------------------------------------------------------

	/**
	 * Expires holds and grants and rolls the period for everything due at or before
	 * {@code now}.
	 */
	List<OpRecord> settle(AccountState state, Instant now, Sequence seq) {
		List<OpRecord> ops = new ArrayList<>();
		Instant due;
		while ((due = state.nextDueAt()) != null && !due.isAfter(now)) {
			OpRecord op = nextTransition(state, due, seq);
			op.applyTo(state);
			ops.add(op);
		}
		return ops;
	}

	private OpRecord nextTransition(AccountState state, Instant due, Sequence seq) {
		for (Hold hold : state.holds.values()) {
			if (!hold.expiresAt().isAfter(due)) {
				return releaseOp(state, hold, "expire-hold:" + hold.id(), OpRecord.OpKind.EXPIRE_HOLD, "expired",
						hold.expiresAt(), seq);
			}
		}
		for (Grant grant : state.grants) {
			if (grant.expiresBy(due)) {
				Scratch s = new Scratch(state, seq, grant.expiresAt());
				s.entry(EntryType.EXPIRY, grant.remaining(), grant.id(), null, List.of(), "expired");
				return s.op("expire-grant:" + grant.id(), OpRecord.OpKind.EXPIRE_GRANT, null,
						OpResult.of("expired", grant.remaining()));
			}
		}
		BillingPeriod closed = state.period;
		BillingPeriod next = nextPeriod(state);
		Scratch s = new Scratch(state, seq, closed.end());
		s.period = new OpRecord.PeriodChange(next, state.periodSource, closed, state.usedInPeriod,
				state.overageInPeriod, state.overCapInPeriod, null);
		return s.op("period:" + next.start(), OpRecord.OpKind.ROLL_PERIOD, null, OpResult.of("rolled", Credits.ZERO));
	}

	private BillingPeriod nextPeriod(AccountState state) {
		Instant start = state.period.end();
		if (state.periodSource == AccountState.PeriodSource.CALENDAR) {
			return BillingPeriod.calendarMonth(start, state.zone);
		}
		// Until billing reports the subscription's next period, assume one of the same
		// length.
		return new BillingPeriod(start, start.plus(state.period.length()));
	}

	// --- ops
	// -----------------------------------------------------------------------------------

	OpRecord open(AccountState state, ZoneId zone, Credits freeTier, Instant now, Sequence seq) {
		Scratch s = new Scratch(state, seq, now);
		s.period = new OpRecord.PeriodChange(BillingPeriod.calendarMonth(now, zone), AccountState.PeriodSource.CALENDAR,
				null, null, null, null, null);
		s.scratch.startPeriod(s.period.period(), s.period.source());
		s.policy = new OpRecord.Policy(null, null, null, null, null, zone.getId());
		if (freeTier.isPositive()) {
			s.grant(new Grant(newId("grt"), GrantSource.FREE_TIER, freeTier, freeTier,
					GrantSource.FREE_TIER.defaultPriority(), now, null, "free tier", null));
		}
		return s.apply("open", OpRecord.OpKind.OPEN, null, OpResult.of("opened", freeTier));
	}

	OpRecord grant(AccountState state, String opKey, GrantCommand command, Instant now, Sequence seq) {
		Scratch s = new Scratch(state, seq, now);
		int priority = command.priority() == null ? command.source().defaultPriority() : command.priority();
		Grant grant = new Grant(newId("grt"), command.source(), command.credits(), command.credits(), priority, now,
				command.expiresAt(), command.reason(), command.reference());
		s.grant(grant);
		settleDebt(s);
		return s.apply(opKey, OpRecord.OpKind.GRANT, command.fingerprint(),
				new OpResult("granted", command.credits(), grant.id(), grant.expiresAt(), null, null, null));
	}

	/**
	 * Charges usage. Usage is a fact: what grants cannot fund becomes overage (where
	 * allowed, up to a hard cap, beyond it recorded as not billable) or debt. With
	 * {@code enforce}, an event that cannot be funded is rejected instead and nothing is
	 * recorded (null is returned).
	 */
	OpRecord usage(AccountState state, String opKey, UsageCharge charge, boolean enforce, Instant now, Sequence seq) {
		Breakdown plan = plan(state, charge.credits());
		if (enforce && plan.unfunded()) {
			return null;
		}
		Scratch s = new Scratch(state, seq, now);
		s.charge(EntryType.DEBIT, charge.credits(), plan, null, charge.meter(), charge.quantity(), null);
		s.alerts = alerts(s.scratch, now);
		s.occurredAt = charge.occurredAt();
		s.dimensions = charge.dimensions();
		return s.apply(opKey, OpRecord.OpKind.USAGE, charge.fingerprint(), OpResult.of("recorded", charge.credits()));
	}

	/** Why an unfunded charge would be rejected under {@code enforce}. */
	DenialReason rejectionReason(AccountState state, Credits credits) {
		Breakdown plan = plan(state, credits);
		return plan.debt().isPositive() ? DenialReason.INSUFFICIENT_CREDITS : DenialReason.CAP_REACHED;
	}

	CheckResult check(AccountState state, Credits credits) {
		if (state.blockedReason != null) {
			return CheckResult.denied(credits, DenialReason.ACCOUNT_BLOCKED);
		}
		if (state.debt.isPositive()) {
			return CheckResult.denied(credits, DenialReason.INSUFFICIENT_CREDITS);
		}
		Credits free = state.free();
		if (!credits.isGreaterThan(free)) {
			return CheckResult.allowed(credits);
		}
		if (!state.overageAllowed) {
			return CheckResult.denied(credits, DenialReason.INSUFFICIENT_CREDITS);
		}
		Credits headroom = hardCapHeadroom(state);
		if (headroom != null && credits.minus(free.atLeastZero()).isGreaterThan(headroom)) {
			return CheckResult.denied(credits, DenialReason.CAP_REACHED);
		}
		return CheckResult.allowed(credits);
	}

	/**
	 * Holds credits for a job; null when the check denies it (nothing is recorded then).
	 */
	OpRecord reserve(AccountState state, String opKey, String fingerprint, String key, Credits credits, String meter,
			Duration ttl, Instant now, Sequence seq) {
		if (!check(state, credits).allowed()) {
			return null;
		}
		Scratch s = new Scratch(state, seq, now);
		Hold hold = new Hold(newId("rsv"), key, credits, meter, now, now.plus(ttl));
		s.hold = hold;
		s.entry(EntryType.HOLD, credits, null, hold.id(), List.of(), null);
		return s.apply(opKey, OpRecord.OpKind.RESERVE, fingerprint,
				new OpResult("held", credits, hold.id(), hold.expiresAt(), null, null, null));
	}

	/**
	 * Charges a hold with the job's actual cost: up to the hold from the reserved
	 * credits, anything above it like usage; the unused part is released.
	 */
	OpRecord commit(AccountState state, String opKey, String fingerprint, Hold hold, Credits actual,
			Map<String, String> dimensions, Instant now, Sequence seq) {
		AccountState afterReserved = state.copy();
		afterReserved.holds.remove(hold.id());
		List<LedgerEntry.Draw> reserved = afterReserved.planDraws(actual.min(hold.credits()));
		afterReserved.takeDraws(reserved);
		Breakdown extra = plan(afterReserved, actual.minus(AccountState.sum(reserved)));
		List<LedgerEntry.Draw> draws = new ArrayList<>(reserved);
		draws.addAll(extra.draws());
		Scratch s = new Scratch(state, seq, now);
		s.dimensions = Map.copyOf(dimensions);
		s.charge(EntryType.COMMIT, actual, new Breakdown(draws, extra.overage(), extra.overCap(), extra.debt()),
				hold.id(), null, null, null);
		Credits released = hold.credits().minus(actual).atLeastZero();
		if (released.isPositive()) {
			s.entry(EntryType.RELEASE, released, null, hold.id(), List.of(), "unused");
		}
		settleDebt(s);
		s.alerts = alerts(s.scratch, now);
		return s.apply(opKey, OpRecord.OpKind.COMMIT, fingerprint,
				new OpResult("committed", actual, hold.id(), null, actual, released, null));
	}

	/**
	 * A commit for a hold that already expired: the work happened, so it is charged as
	 * usage.
	 */
	OpRecord commitExpired(AccountState state, String opKey, String fingerprint, String holdId, Credits actual,
			Map<String, String> dimensions, Instant now, Sequence seq) {
		Scratch s = new Scratch(state, seq, now);
		s.dimensions = Map.copyOf(dimensions);
		s.charge(EntryType.DEBIT, actual, plan(state, actual), holdId, null, null, "hold expired before commit");
		s.alerts = alerts(s.scratch, now);
		return s.apply(opKey, OpRecord.OpKind.COMMIT, fingerprint,
				new OpResult("committed", actual, holdId, null, actual, Credits.ZERO, null));
	}

	OpRecord release(AccountState state, String opKey, Hold hold, Instant now, Sequence seq) {
		OpRecord op = releaseOp(state, hold, opKey, OpRecord.OpKind.RELEASE, "released", now, seq);
		op.applyTo(state);
		return op;
	}

	private OpRecord releaseOp(AccountState state, Hold hold, String opKey, OpRecord.OpKind kind, String reason,
			Instant at, Sequence seq) {
		Scratch s = new Scratch(state, seq, at);
		s.entry(EntryType.RELEASE, hold.credits(), null, hold.id(), List.of(), reason);
		settleDebt(s);
		return s.op(opKey, kind, null,
				new OpResult(reason, hold.credits(), hold.id(), null, null, hold.credits(), null));
	}

	/**
	 * A manual correction. A positive amount is a grant (source adjustment); a negative
	 * one takes credits back — from one grant (e.g. a refunded pack) or in consumption
	 * order — and whatever was already spent becomes debt.
	 */
	OpRecord adjust(AccountState state, String opKey, String fingerprint, Credits amount, String grantId, String reason,
			Instant now, Sequence seq) {
		if (amount.isPositive()) {
			return grant(state, opKey,
					new GrantCommand(GrantSource.ADJUSTMENT, amount, null, null, reason, null, fingerprint), now, seq);
		}
		Credits claw = Credits.ZERO.minus(amount);
		Scratch s = new Scratch(state, seq, now);
		List<LedgerEntry.Draw> draws;
		if (grantId != null) {
			Grant grant = state.grant(grantId);
			Credits take = grant == null ? Credits.ZERO : claw.min(grant.remaining());
			draws = take.isPositive() ? List.of(new LedgerEntry.Draw(grantId, take)) : List.of();
		}
		else {
			draws = state.planDraws(claw);
		}
		Credits unrecovered = claw.minus(AccountState.sum(draws));
		s.record(new LedgerEntry(0, 0, now, EntryType.ADJUSTMENT, null, claw, grantId, null, null, null, draws,
				Credits.ZERO, Credits.ZERO, unrecovered, reason, null, null, null));
		return s.apply(opKey, OpRecord.OpKind.ADJUST, fingerprint,
				new OpResult("adjusted", amount, null, null, null, null, reason));
	}

	OpRecord policy(AccountState state, String opKey, OpRecord.Policy policy, Instant now, Sequence seq) {
		Scratch s = new Scratch(state, seq, now);
		s.policy = policy;
		return s.apply(opKey, OpRecord.OpKind.POLICY, null, OpResult.of("updated", Credits.ZERO));
	}

	/**
	 * Applies the period a subscription reports. A period that starts later closes the
	 * current one (counters restart, alerts may fire again). One that contains the
	 * current period's start is the same period with its true bounds (e.g. the one
	 * assumed at renewal, reported a little later): its bounds are replaced and nothing
	 * restarts. One that ended before the current period began is an old report and
	 * changes nothing.
	 */
	OpRecord startPeriod(AccountState state, String opKey, BillingPeriod period, Instant now, Sequence seq) {
		Scratch s = new Scratch(state, seq, now);
		BillingPeriod current = state.period;
		if (current != null && !period.end().isAfter(current.start())) {
			return s.apply(opKey, OpRecord.OpKind.SET_PERIOD, null, OpResult.of("stale", Credits.ZERO));
		}
		if (current != null && !period.start().isAfter(current.start())) {
			s.period = OpRecord.PeriodChange.adjust(period, AccountState.PeriodSource.SUBSCRIPTION);
			s.scratch.adjustPeriod(period, AccountState.PeriodSource.SUBSCRIPTION);
			return s.apply(opKey, OpRecord.OpKind.SET_PERIOD, null, OpResult.of("adjusted", Credits.ZERO));
		}
		s.period = new OpRecord.PeriodChange(period, AccountState.PeriodSource.SUBSCRIPTION, current,
				state.usedInPeriod, state.overageInPeriod, state.overCapInPeriod, null);
		s.scratch.startPeriod(period, AccountState.PeriodSource.SUBSCRIPTION);
		return s.apply(opKey, OpRecord.OpKind.SET_PERIOD, null, OpResult.of("period", Credits.ZERO));
	}

	// --- rules
	// ---------------------------------------------------------------------------------

	Breakdown plan(AccountState state, Credits credits) {
		Credits fromGrants = credits.min(state.free().atLeastZero());
		List<LedgerEntry.Draw> draws = state.planDraws(fromGrants);
		Credits shortfall = credits.minus(AccountState.sum(draws));
		if (!shortfall.isPositive()) {
			return new Breakdown(draws, Credits.ZERO, Credits.ZERO, Credits.ZERO);
		}
		if (!state.overageAllowed) {
			return new Breakdown(draws, Credits.ZERO, Credits.ZERO, shortfall);
		}
		Credits headroom = hardCapHeadroom(state);
		Credits overage = headroom == null ? shortfall : shortfall.min(headroom);
		return new Breakdown(draws, overage, shortfall.minus(overage), Credits.ZERO);
	}

	/**
	 * Overage still allowed under a hard cap (holds beyond remaining credits count
	 * against it); null without one.
	 */
	private Credits hardCapHeadroom(AccountState state) {
		if (state.cap == null || state.cap.mode() != CapMode.HARD) {
			return null;
		}
		return state.cap.credits().minus(state.overageInPeriod).minus(state.heldBeyondRemaining()).atLeastZero();
	}

	/** A new grant (or released hold) pays debt first. */
	private void settleDebt(Scratch s) {
		AccountState scratch = s.scratch;
		if (!scratch.debt.isPositive()) {
			return;
		}
		Credits payable = scratch.debt.min(scratch.remaining().minus(scratch.held()).atLeastZero());
		if (payable.isPositive()) {
			s.entry(EntryType.DEBT_SETTLEMENT, payable, null, null, scratch.planDraws(payable),
					"debt paid from credits");
		}
	}

	/**
	 * Thresholds, cap and projected exhaustion, each at most once per period. Runs after
	 * every op (a usage batch has a thousand), so an alert that has fired costs a set
	 * lookup, not its condition and details.
	 */
	List<OpRecord.FiredAlert> alerts(AccountState state, Instant now) {
		List<OpRecord.FiredAlert> fired = new ArrayList<>();
		BigDecimal used = state.usedInPeriod.amount();
		BigDecimal credits = state.periodCredits.amount();
		for (Integer threshold : state.thresholds.isEmpty() ? thresholds : state.thresholds) {
			fire(state, fired, Alert.AlertType.THRESHOLD, threshold, now, () -> {
				boolean crossed = credits.signum() > 0 ? used.multiply(BigDecimal.valueOf(100))
					.compareTo(credits.multiply(BigDecimal.valueOf(threshold))) >= 0 : used.signum() > 0;
				return crossed
						? Map.of("used", state.usedInPeriod.toString(), "periodCredits", state.periodCredits.toString())
						: null;
			});
		}
		if (state.cap != null) {
			fire(state, fired, Alert.AlertType.CAP_REACHED, null, now, () -> {
				boolean reached = !state.overageInPeriod.isLessThan(state.cap.credits())
						|| state.overCapInPeriod.isPositive();
				return reached ? Map.of("overage", state.overageInPeriod.toString(), "cap",
						state.cap.credits().toString(), "mode", state.cap.mode().code()) : null;
			});
		}
		fire(state, fired, Alert.AlertType.PROJECTED_EXHAUSTION, null, now, () -> {
			Instant exhaustion = projectedExhaustion(state, now);
			return exhaustion != null && exhaustion.isBefore(state.period.end())
					? Map.of("projectedExhaustionAt", exhaustion.toString()) : null;
		});
		return fired;
	}

	/**
	 * When the run-rate since period start says available credits run out; null without
	 * usage.
	 */
	static Instant projectedExhaustion(AccountState state, Instant now) {
		long elapsed = Duration.between(state.period.start(), now).toSeconds();
		if (elapsed <= 0 || !state.usedInPeriod.isPositive()) {
			return null;
		}
		BigDecimal seconds = state.available()
			.amount()
			.multiply(BigDecimal.valueOf(elapsed))
			.divide(state.usedInPeriod.amount(), PROJECTION);
		return now.plusSeconds(seconds.longValue());
	}

	/**
	 * Fires the alert unless it has fired this period; {@code details} is null while its
	 * condition does not hold.
	 */
	private static void fire(AccountState state, List<OpRecord.FiredAlert> fired, Alert.AlertType type,
			Integer threshold, Instant now, Supplier<Map<String, String>> details) {
		String key = Alert.key(type, threshold);
		if (state.firedAlerts.contains(key)) {
			return;
		}
		Map<String, String> firing = details.get();
		if (firing != null) {
			fired.add(new OpRecord.FiredAlert(key, type.code(), threshold, state.period.start(), now, firing));
		}
	}

	static String newId(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
	}

	/** Numbers entries within the commit being built. */
	static final class Sequence {

		final long seq;

		int nextIndex;

		Sequence(long seq) {
			this.seq = seq;
		}

	}

	/**
	 * Builds one op on a scratch copy, recording each entry with the balance after it.
	 */
	private static final class Scratch {

		final AccountState real;

		final AccountState scratch;

		final Sequence seq;

		final Instant at;

		final List<LedgerEntry> entries = new ArrayList<>();

		Grant grant;

		Hold hold;

		OpRecord.PeriodChange period;

		OpRecord.Policy policy;

		List<OpRecord.FiredAlert> alerts = List.of();

		Instant occurredAt;

		Map<String, String> dimensions = Map.of();

		Scratch(AccountState real, Sequence seq, Instant at) {
			this.real = real;
			this.scratch = real.copy();
			this.seq = seq;
			this.at = at;
		}

		void grant(Grant grant) {
			this.grant = grant;
			entry(EntryType.GRANT, grant.amount(), grant.id(), null, List.of(), grant.reason());
		}

		void entry(EntryType type, Credits credits, String grantId, String holdId, List<LedgerEntry.Draw> draws,
				String reason) {
			record(new LedgerEntry(0, 0, at, type, null, credits, grantId, holdId, null, null, draws, Credits.ZERO,
					Credits.ZERO, Credits.ZERO, reason, null, null, null));
		}

		void charge(EntryType type, Credits credits, Breakdown plan, String holdId, String meter, BigDecimal quantity,
				String reason) {
			record(new LedgerEntry(0, 0, at, type, null, credits, null, holdId, meter, quantity, plan.draws(),
					plan.overage(), plan.overCap(), plan.debt(), reason, null, null, null));
		}

		void record(LedgerEntry draft) {
			LedgerEntry placed = new LedgerEntry(seq.seq, seq.nextIndex++, at, draft.type(), null, draft.credits(),
					draft.grantId(), draft.holdId(), draft.meter(), draft.quantity(), List.copyOf(draft.draws()),
					draft.overage(), draft.overCap(), draft.debt(), draft.reason(), null, null, null);
			switch (placed.type()) {
				case GRANT -> scratch.applyGrant(grant);
				case HOLD -> scratch.applyHold(hold);
				default -> scratch.apply(placed);
			}
			entries.add(new LedgerEntry(placed.seq(), placed.index(), placed.at(), placed.type(), null,
					placed.credits(), placed.grantId(), placed.holdId(), placed.meter(), placed.quantity(),
					placed.draws(), placed.overage(), placed.overCap(), placed.debt(), placed.reason(),
					scratch.available(), scratch.held(), scratch.debt));
		}

		/** The finished op, applied to the real state. */
		OpRecord apply(String opKey, OpRecord.OpKind kind, String fingerprint, OpResult result) {
			OpRecord op = op(opKey, kind, fingerprint, result);
			op.applyTo(real);
			return op;
		}

		OpRecord op(String opKey, OpRecord.OpKind kind, String fingerprint, OpResult result) {
			List<LedgerEntry> keyed = entries.stream()
				.map(e -> new LedgerEntry(e.seq(), e.index(), e.at(), e.type(), opKey, e.credits(), e.grantId(),
						e.holdId(), e.meter(), e.quantity(), e.draws(), e.overage(), e.overCap(), e.debt(), e.reason(),
						e.availableAfter(), e.heldAfter(), e.debtAfter()))
				.toList();
			return new OpRecord(opKey, kind, fingerprint, at, keyed, grant, hold, period, policy, alerts, result,
					occurredAt, dimensions);
		}

	}

}
