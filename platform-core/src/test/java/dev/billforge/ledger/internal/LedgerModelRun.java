package dev.billforge.ledger.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.CapMode;
import dev.billforge.ledger.CheckResult;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantReceipt;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.SpendCap;
import dev.billforge.ledger.UsageCharge;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.orgs.OrgId;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * One seeded random run: a sequence of ledger operations applied to the real ledger (over
 * the in-memory store) and to {@link LedgerModel}, comparing every answer and, after each
 * step, every balance ({@link LedgerModelCheck}). Any difference throws an
 * {@link AssertionError}.
 */
final class LedgerModelRun {

	/**
	 * Steps between full ledger verifications ({@code -Dledger.verifyEvery}); the last
	 * step always verifies.
	 */
	static final int VERIFY_EVERY = Integer.getInteger("ledger.verifyEvery", 5);

	static final BigDecimal FREE_TIER = BigDecimal.valueOf(100);

	private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
			"Australia/Sydney");

	final long seed;

	final Random rnd;

	final MutableClock clock;

	final InMemoryLedgerStore store = new InMemoryLedgerStore();

	final List<LedgerCommitted.PeriodClosed> closedSeen = new ArrayList<>();

	final CreditLedger ledger;

	final OrgId org;

	final LedgerModel model;

	/** The operations so far, for the failure message. */
	final List<String> log = new ArrayList<>();

	/** Recorded usage: key → its payload's credits. */
	private final Map<String, BigDecimal> usageKeys = new LinkedHashMap<>();

	private final Map<String, GrantSpec> grantKeys = new LinkedHashMap<>();

	private final Set<String> clawKeys = new LinkedHashSet<>();

	private final Set<String> periodKeys = new LinkedHashSet<>();

	int counter;

	private final LedgerModelHoldOps holdOps = new LedgerModelHoldOps(this);

	/** The step being run (0 while opening the account). */
	int step;

	/**
	 * How often each interesting case came up, so the test can tell the generator reaches
	 * them.
	 */
	final Map<String, Integer> coverage = new java.util.TreeMap<>();

	private record GrantSpec(GrantSource source, BigDecimal credits, Instant expiresAt, String grantId) {
	}

	LedgerModelRun(long seed) {
		this.seed = seed;
		this.rnd = new Random(seed);
		Instant start = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofSeconds(rnd.nextLong(365L * 24 * 3600)));
		this.clock = new MutableClock(start);
		LedgerFixture fx = new LedgerFixture(store, clock, Credits.of(FREE_TIER.toPlainString()),
				List.of(commit -> closedSeen.addAll(commit.closedPeriods())));
		this.ledger = fx.ledger;
		ZoneId zone = ZoneId.of(ZONES.get(rnd.nextInt(ZONES.size())));
		this.org = fx.org(zone.getId());
		this.model = new LedgerModel(zone, start, FREE_TIER);
		model.grants.get(0).id = ledger.balance(org).grants().get(0).id();
		note("open org in " + zone + " at " + start);
	}

	void run(int steps) {
		LedgerModelCheck check = new LedgerModelCheck(this);
		check.afterStep(true);
		for (step = 1; step <= steps; step++) {
			if (rnd.nextInt(100) < 35) {
				advanceClock();
				// Either a read applies what fell due, or the next op does so in its own
				// commit.
				if (rnd.nextBoolean()) {
					ledger.balance(org);
				}
			}
			model.settleTo(clock.instant());
			randomOp();
			check.afterStep(step % VERIFY_EVERY == 0);
		}
		check.afterStep(true);
		check.atEnd();
		coverage.merge("period rolled", model.closed.size(), Integer::sum);
		coverage.merge("hold expired",
				(int) model.holds.values().stream().filter(h -> h.status == LedgerModel.HoldStatus.EXPIRED).count(),
				Integer::sum);
		model.fired.forEach(f -> covered("alert " + f.kind()));
	}

	private void randomOp() {
		int pick = rnd.nextInt(100);
		if (pick < 22) {
			usage();
		}
		else if (pick < 32) {
			grant();
		}
		else if (pick < 48) {
			holdOps.reserve();
		}
		else if (pick < 64) {
			holdOps.commit();
		}
		else if (pick < 72) {
			holdOps.release();
		}
		else if (pick < 78) {
			check();
		}
		else if (pick < 86) {
			policy();
		}
		else if (pick < 89) {
			clawBack();
		}
		else if (pick < 90) {
			startPeriod();
		}
		else {
			note("read at " + clock.instant());
		}
	}

	// --- clock
	// -----------------------------------------------------------------------------------------

	private void advanceClock() {
		int pick = rnd.nextInt(100);
		Instant now = clock.instant();
		Instant to;
		if (pick < 40) {
			to = now.plusSeconds(rnd.nextInt(91));
		}
		else if (pick < 65) {
			to = now.plusSeconds(60L * (1 + rnd.nextInt(60)));
		}
		else if (pick < 80) {
			to = now.plusSeconds(3600L * (1 + rnd.nextInt(48)));
		}
		else if (pick < 88) {
			to = now.plus(Duration.ofDays(2 + rnd.nextInt(11)));
		}
		else if (pick < 95) {
			to = nextDueTime().plusSeconds(rnd.nextInt(3) - 1L);
		}
		else {
			to = model.periodEnd.plusSeconds(rnd.nextInt(3) - 1L);
		}
		if (to.isAfter(now)) {
			clock.set(to);
			note("clock → " + to);
		}
	}

	/** An open hold's or a grant's expiry, or the period end. */
	private Instant nextDueTime() {
		List<Instant> due = new ArrayList<>();
		model.openHolds().forEach(hold -> due.add(hold.expiresAt));
		model.grants.stream().filter(g -> g.expiresAt != null).forEach(g -> due.add(g.expiresAt));
		due.add(model.periodEnd);
		return due.get(rnd.nextInt(due.size()));
	}

	// --- operations
	// --------------------------------------------------------------------------------------

	private void usage() {
		boolean enforce = rnd.nextInt(100) < 15;
		int events = 1 + rnd.nextInt(3);
		List<UsageCharge> charges = new ArrayList<>();
		for (int i = 0; i < events; i++) {
			String key;
			BigDecimal credits;
			if (!usageKeys.isEmpty() && rnd.nextInt(100) < 30) {
				key = pickKey(usageKeys.keySet());
				credits = rnd.nextBoolean() ? usageKeys.get(key) : usageKeys.get(key).add(amount(1, 5));
			}
			else if (!charges.isEmpty() && rnd.nextInt(100) < 10) {
				UsageCharge earlier = charges.get(rnd.nextInt(charges.size()));
				key = earlier.idempotencyKey();
				credits = earlier.credits().amount();
			}
			else {
				key = "u" + (++counter);
				credits = rnd.nextInt(100) < 10 ? amount(80, 400) : amount(0.01, 40);
			}
			charges.add(new UsageCharge(key, "page|" + credits.toPlainString(), "page", credits, new Credits(credits),
					clock.instant(), Map.of()));
		}
		note("usage " + (enforce ? "enforced " : "")
				+ charges.stream().map(c -> c.idempotencyKey() + "=" + c.credits()).toList());
		List<UsageOutcome> outcomes = ledger.recordUsage(org, charges, enforce);
		expect("outcomes", charges.size(), outcomes.size());
		Map<String, BigDecimal> recorded = new LinkedHashMap<>(usageKeys);
		for (int i = 0; i < charges.size(); i++) {
			UsageCharge charge = charges.get(i);
			UsageOutcome outcome = outcomes.get(i);
			BigDecimal credits = charge.credits().amount();
			BigDecimal known = recorded.get(charge.idempotencyKey());
			String what = "usage " + charge.idempotencyKey();
			if (known != null) {
				boolean same = known.compareTo(credits) == 0;
				covered(same ? "usage duplicate" : "usage conflict");
				expect(what + " status", same ? UsageOutcome.Status.DUPLICATE : UsageOutcome.Status.CONFLICT,
						outcome.status());
				expectCredits(what + " credits", same ? known : BigDecimal.ZERO, outcome.credits());
				continue;
			}
			String reason = model.rejection(credits);
			LedgerModel.Split split = model.usage(credits, enforce, clock.instant());
			if (split == null) {
				covered("usage rejected " + reason);
				expect(what + " status", UsageOutcome.Status.REJECTED, outcome.status());
				expect(what + " reason", reason, outcome.rejectedFor() == null ? null : outcome.rejectedFor().code());
			}
			else {
				expect(what + " status", UsageOutcome.Status.RECORDED, outcome.status());
				expectCredits(what + " credits", credits, outcome.credits());
				covered(split.debt().signum() > 0 ? "usage into debt"
						: split.overCap().signum() > 0 ? "usage over a hard cap"
								: split.overage().signum() > 0 ? "usage into overage" : "usage funded");
				recorded.put(charge.idempotencyKey(), credits);
			}
		}
		usageKeys.clear();
		usageKeys.putAll(recorded);
	}

	private void grant() {
		if (!grantKeys.isEmpty() && rnd.nextInt(100) < 12) {
			String key = pickKey(grantKeys.keySet());
			GrantSpec spec = grantKeys.get(key);
			boolean same = rnd.nextBoolean();
			BigDecimal credits = same ? spec.credits() : spec.credits().add(BigDecimal.ONE);
			note("grant again " + key + " " + credits);
			GrantRequest request = new GrantRequest(key, spec.source(), new Credits(credits), null, spec.expiresAt(),
					"model", null);
			covered(same ? "grant duplicate" : "grant conflict");
			if (same) {
				GrantReceipt receipt = ledger.grant(org, request);
				expect("repeated grant is a duplicate", true, receipt.duplicate());
				expect("repeated grant id", spec.grantId(), receipt.grantId());
			}
			else {
				expectProblem(409, "idempotency_conflict", () -> ledger.grant(org, request));
			}
			return;
		}
		GrantSource source = GrantSource.values()[rnd.nextInt(GrantSource.values().length)];
		Integer priority = rnd.nextInt(100) < 70 ? null : 1 + rnd.nextInt(5);
		Instant now = clock.instant();
		int expiry = rnd.nextInt(100);
		List<LedgerModel.MHold> open = model.openHolds();
		Instant expiresAt = expiry < 35 ? null
				: expiry < 65 ? now.plusSeconds(3600L + rnd.nextLong(45L * 24 * 3600))
						: expiry < 80 ? model.periodEnd
								: expiry < 90 && !open.isEmpty() ? open.get(rnd.nextInt(open.size())).expiresAt
										: now.plusSeconds(60L + rnd.nextInt(3 * 3600));
		BigDecimal credits = rnd.nextInt(100) < 20 ? amount(0.5, 20)
				: amount(10, 500).setScale(0, java.math.RoundingMode.DOWN);
		String key = "g" + (++counter);
		note("grant " + key + " " + source.code() + " " + credits + " priority " + priority + " expires " + expiresAt);
		GrantReceipt receipt = ledger.grant(org,
				new GrantRequest(key, source, new Credits(credits), priority, expiresAt, "model", null));
		expect("new grant is not a duplicate", false, receipt.duplicate());
		if (model.debt.signum() > 0) {
			covered("grant pays debt");
		}
		grantKeys.put(key, new GrantSpec(source, credits, expiresAt, receipt.grantId()));
		model.grant(receipt.grantId(), source.code(), priority == null ? source.defaultPriority() : priority, credits,
				expiresAt, now);
	}

	private void check() {
		BigDecimal credits = rnd.nextBoolean() ? amount(0.01, 30) : amount(30, 400);
		note("check " + credits);
		CheckResult result = ledger.check(org, new Credits(credits));
		String denied = model.check(credits);
		expect("check allowed", denied == null, result.allowed());
		covered(denied == null ? "check allowed" : "check denied " + denied);
		expect("check reason", denied, result.reason() == null ? null : result.reason().code());
	}

	private void policy() {
		int pick = rnd.nextInt(100);
		if (model.blocked && rnd.nextBoolean()) {
			note("unblock");
			ledger.unblock(org);
			model.blocked = false;
		}
		else if (pick < 35) {
			boolean allowed = rnd.nextInt(100) < 60;
			note("overage allowed " + allowed);
			ledger.setOverageAllowed(org, allowed);
			model.overageAllowed = allowed;
		}
		else if (pick < 80) {
			if (rnd.nextInt(100) < 20) {
				note("cap cleared");
				ledger.setSpendCap(org, null);
				model.cap = null;
				return;
			}
			BigDecimal cap = rnd.nextInt(100) < 10 ? BigDecimal.ZERO : amount(1, 250);
			boolean hard = rnd.nextBoolean();
			note("cap " + cap + (hard ? " hard" : " soft"));
			ledger.setSpendCap(org, new SpendCap(new Credits(cap), hard ? CapMode.HARD : CapMode.SOFT));
			model.cap = cap;
			model.capHard = hard;
		}
		else if (!model.blocked && rnd.nextInt(100) < 40) {
			note("block");
			ledger.block(org, "unpaid");
			model.blocked = true;
		}
		else {
			note("unblock");
			ledger.unblock(org);
			model.blocked = false;
		}
	}

	private void clawBack() {
		String key;
		if (!clawKeys.isEmpty() && rnd.nextInt(100) < 15) {
			key = pickKey(clawKeys);
		}
		else {
			key = "c" + (++counter);
		}
		BigDecimal credits = amount(1, 80);
		String grantId = null;
		if (!model.grants.isEmpty() && rnd.nextBoolean()) {
			grantId = model.grants.get(rnd.nextInt(model.grants.size())).id;
		}
		note("claw back " + key + " " + credits + " from " + (grantId == null ? "consumption order" : grantId));
		ledger.clawBack(org, key, new Credits(credits), grantId, "refund");
		if (clawKeys.add(key)) {
			model.clawBack(credits, grantId);
		}
	}

	private void startPeriod() {
		String key = !periodKeys.isEmpty() && rnd.nextInt(100) < 20 ? pickKey(periodKeys) : "p" + (++counter);
		Instant now = clock.instant();
		int shape = rnd.nextInt(100);
		// Mostly a new period; also the current one with its true bounds, and late
		// reports of old ones.
		Instant start = shape < 20 ? model.periodStart : now.minusSeconds(rnd.nextInt(3 * 24 * 3600));
		Instant end = now.plus(Duration.ofDays(1 + rnd.nextInt(40)));
		if (shape >= 90) {
			end = model.periodStart.minusSeconds(rnd.nextInt(24 * 3600));
			start = end.minus(Duration.ofDays(30));
		}
		note("subscription period " + key + " " + start + " – " + end);
		ledger.startPeriod(org, key, new BillingPeriod(start, end));
		if (periodKeys.add(key)) {
			covered(!end.isAfter(model.periodStart) ? "period report stale"
					: !start.isAfter(model.periodStart) ? "period report adjusts" : "period report starts");
			model.startSubscriptionPeriod(start, end);
		}
	}

	void note(String what) {
		log.add("#" + step + " " + what);
	}

	void covered(String what) {
		coverage.merge(what, 1, Integer::sum);
	}

	// --- helpers
	// -------------------------------------------------------------------------------------------

	BigDecimal amount(double min, double max) {
		long cents = rnd.nextLong(Math.round(min * 100), Math.round(max * 100) + 1);
		return BigDecimal.valueOf(cents, 2).stripTrailingZeros();
	}

	String pickKey(Set<String> keys) {
		List<String> list = new ArrayList<>(keys);
		return list.get(rnd.nextInt(list.size()));
	}

	static void expect(String what, Object expected, Object actual) {
		if (!java.util.Objects.equals(expected, actual)) {
			throw new AssertionError(what + ": model says " + expected + ", ledger says " + actual);
		}
	}

	static void expectCredits(String what, BigDecimal expected, Credits actual) {
		if (actual == null || expected.compareTo(actual.amount()) != 0) {
			throw new AssertionError(what + ": model says " + expected.toPlainString() + ", ledger says " + actual);
		}
	}

	static void expectProblem(int status, String code, Runnable call) {
		try {
			call.run();
		}
		catch (ProblemException ex) {
			expect("error status", status, ex.status());
			expect("error code", code, ex.code());
			return;
		}
		throw new AssertionError("expected error " + status + " " + code + ", the call succeeded");
	}

}
