package dev.billforge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.valuemetric.Credits;

/**
 * 32 threads hammer ONE org through the real Mongo path (embedded by default, real
 * MongoDB with {@code MONGODB_URI}): their own debits, debits under keys every thread
 * repeats, reserve+commit below and above the hold, reserve+release, and holds every
 * thread reserves and commits under one key. Everything is funded, so the exact final
 * balance follows from the plan.
 */
@BillforgeIntegrationTest(
		properties = { "billforge.value-metric.free-tier=0", "billforge.value-metric.meters.page.rate=1" })
class LedgerConcurrencyIT {

	@Autowired
	CreditLedger ledger;

	@Autowired
	Orgs orgs;

	@Test
	void thirtyTwoThreadsOfDebitsAndHoldsOnOneOrgEndAtTheExactExpectedBalance() throws Exception {
		OrgId org = orgs.create("Hot org", ZoneId.of("UTC")).id();
		Workload workload = new Workload(2026, 32, 24, 1);
		Credits granted = workload.grantFor70Percent();
		ledger.grant(org, new GrantRequest("pack-1", GrantSource.PACK, granted, null, null, "load", null));

		workload.run(org, ledger);

		workload.assertOutcome(org, ledger, granted);
		assertThat(ledger.verify(org).differences()).isEmpty();
		assertThat(ledger.verify(org).consistent()).isTrue();
	}

	/**
	 * A deterministic random plan of ledger calls per thread, the results each call must
	 * give, and the final balance they must add up to. Shared by {@code TwoInstancesIT}.
	 */
	static final class Workload {

		/**
		 * Reserve+release is planned (it needs a release that really frees its hold: bug
		 * B).
		 */
		static final boolean RELEASES = true;

		/**
		 * With several instances, holds are committed on another instance than the one
		 * that reserved them, and holds under one key are shared by threads of all
		 * instances (bug C).
		 */
		static final boolean CROSS_INSTANCE_HOLDS = true;

		sealed interface Op permits Debit, SharedDebit, HoldCommit, HoldRelease, SharedHold {

		}

		/** A debit under this thread's own key. */
		record Debit(String key, BigDecimal credits) implements Op {
		}

		/**
		 * A debit under a key that every thread sends with the same payload: charged
		 * once.
		 */
		record SharedDebit(String key, BigDecimal credits) implements Op {
		}

		record HoldCommit(String key, BigDecimal hold, BigDecimal actual) implements Op {
		}

		record HoldRelease(String key, BigDecimal hold) implements Op {
		}

		/**
		 * A hold every thread reserves under the same key and commits with the same
		 * amount: charged once.
		 */
		record SharedHold(String key, BigDecimal hold, BigDecimal actual) implements Op {
		}

		final List<List<Op>> plans = new ArrayList<>();

		private final Map<String, BigDecimal> sharedDebits = new HashMap<>();

		private final Map<String, BigDecimal[]> sharedHolds = new HashMap<>();

		/** How many threads got RECORDED for each shared debit key. */
		final Map<String, AtomicInteger> recordedShared = new ConcurrentHashMap<>();

		final List<String> problems = Collections.synchronizedList(new ArrayList<>());

		/**
		 * @param instances how many instances the threads are spread over (thread
		 * {@code t} on {@code t % instances})
		 */
		Workload(long seed, int threads, int opsPerThread, int instances) {
			Random rnd = new Random(seed);
			for (int k = 0; k < 8; k++) {
				sharedDebits.put("shared-" + k, cents(rnd, 100, 1500));
			}
			for (int k = 0; k < 4; k++) {
				BigDecimal hold = cents(rnd, 500, 2000);
				sharedHolds.put("shared-hold-" + k, new BigDecimal[] { hold, cents(rnd, 100, 2500) });
			}
			for (int t = 0; t < threads; t++) {
				List<Op> plan = new ArrayList<>();
				for (int i = 0; i < opsPerThread; i++) {
					String own = "t" + t + "-" + i;
					int pick = rnd.nextInt(100);
					if (pick < 30) {
						plan.add(new Debit(own, cents(rnd, 1, 2000)));
					}
					else if (pick < 45) {
						String key = "shared-" + rnd.nextInt(8);
						plan.add(new SharedDebit(key, sharedDebits.get(key)));
					}
					else if (pick < 70 || (!RELEASES && pick < 85)) {
						BigDecimal hold = cents(rnd, 100, 2000);
						BigDecimal actual = rnd.nextBoolean() ? cents(rnd, 1, hold.movePointRight(2).longValueExact())
								: hold.add(cents(rnd, 1, 1000));
						plan.add(new HoldCommit(own, hold, actual));
					}
					else if (pick < 85) {
						plan.add(new HoldRelease(own, cents(rnd, 100, 2000)));
					}
					else {
						String key = "shared-hold-" + rnd.nextInt(4);
						BigDecimal[] spec = sharedHolds.get(key);
						if (!CROSS_INSTANCE_HOLDS) {
							key = key + "@" + (t % instances);
						}
						plan.add(new SharedHold(key, spec[0], spec[1]));
					}
				}
				plans.add(plan);
			}
		}

		/** Random credits between two amounts given in hundredths. */
		private static BigDecimal cents(Random rnd, long min, long max) {
			return BigDecimal.valueOf(rnd.nextLong(min, max + 1), 2);
		}

		/** Everything the plan charges, each key once. */
		BigDecimal expectedCharge() {
			BigDecimal total = BigDecimal.ZERO;
			Map<String, BigDecimal> shared = new HashMap<>();
			for (List<Op> plan : plans) {
				for (Op op : plan) {
					if (op instanceof Debit d) {
						total = total.add(d.credits());
					}
					else if (op instanceof HoldCommit h) {
						total = total.add(h.actual());
					}
					else if (op instanceof SharedDebit s) {
						shared.put("usage:" + s.key(), s.credits());
					}
					else if (op instanceof SharedHold s) {
						shared.put("hold:" + s.key(), s.actual());
					}
				}
			}
			for (BigDecimal credits : shared.values()) {
				total = total.add(credits);
			}
			return total;
		}

		/**
		 * A grant the plan uses 80 % of: the 70 % alert must fire exactly once, 90 %
		 * never, and the 20 % margin covers every hold that can be open at once (32 × at
		 * most 20), so nothing is ever unfunded.
		 */
		Credits grantFor70Percent() {
			return new Credits(expectedCharge().divide(new BigDecimal("0.8"), 2, RoundingMode.UP));
		}

		/**
		 * Runs every thread's plan at once on the given instances: thread {@code t}
		 * debits and reserves on instance {@code t % n} and commits and releases on the
		 * next one (the same one with a single instance).
		 */
		void run(OrgId org, CreditLedger... instances) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(plans.size());
			CountDownLatch start = new CountDownLatch(1);
			try {
				List<Future<?>> futures = new ArrayList<>();
				for (int t = 0; t < plans.size(); t++) {
					int thread = t;
					futures.add(pool.submit(() -> {
						start.await();
						for (Op op : plans.get(thread)) {
							CreditLedger home = instances[thread % instances.length];
							CreditLedger other = CROSS_INSTANCE_HOLDS ? instances[(thread + 1) % instances.length]
									: home;
							apply(org, op, home, other);
						}
						return null;
					}));
				}
				start.countDown();
				for (Future<?> future : futures) {
					future.get(5, TimeUnit.MINUTES);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}

		private void apply(OrgId org, Op op, CreditLedger ledger, CreditLedger finishing) {
			Duration ttl = Duration.ofMinutes(30);
			if (op instanceof Debit d) {
				UsageOutcome outcome = debit(ledger, org, d.key(), d.credits());
				expect(op, outcome.status() == UsageOutcome.Status.RECORDED, outcome);
			}
			else if (op instanceof SharedDebit s) {
				UsageOutcome outcome = debit(ledger, org, s.key(), s.credits());
				if (outcome.status() == UsageOutcome.Status.RECORDED) {
					recordedShared.computeIfAbsent(s.key(), k -> new AtomicInteger()).incrementAndGet();
				}
				expect(op,
						(outcome.status() == UsageOutcome.Status.RECORDED
								|| outcome.status() == UsageOutcome.Status.DUPLICATE)
								&& outcome.credits().amount().compareTo(s.credits()) == 0,
						outcome);
			}
			else if (op instanceof HoldCommit h) {
				Reservation held = ledger.reserve(org, h.key(), new Credits(h.hold()), null, ttl);
				expect(op, held.status() == Reservation.Status.HELD, held);
				Reservation done = finishing.commit(org, held.id(), new Credits(h.actual()));
				expect(op, done.charged().amount().compareTo(h.actual()) == 0
						&& done.released().amount().compareTo(h.hold().subtract(h.actual()).max(BigDecimal.ZERO)) == 0,
						done);
			}
			else if (op instanceof HoldRelease r) {
				Reservation held = ledger.reserve(org, r.key(), new Credits(r.hold()), null, ttl);
				expect(op, held.status() == Reservation.Status.HELD, held);
				Reservation released = finishing.release(org, held.id());
				expect(op, released.status() == Reservation.Status.RELEASED, released);
			}
			else if (op instanceof SharedHold s) {
				Reservation held = ledger.reserve(org, s.key(), new Credits(s.hold()), null, ttl);
				Reservation done = finishing.commit(org, held.id(), new Credits(s.actual()));
				expect(op, done.charged().amount().compareTo(s.actual()) == 0, done);
			}
		}

		private static UsageOutcome debit(CreditLedger ledger, OrgId org, String key, BigDecimal credits) {
			UsageCharge charge = new UsageCharge(key, "page|" + credits.toPlainString(), "page", credits,
					new Credits(credits), Instant.now(), Map.of());
			return ledger.recordUsage(org, List.of(charge), false).get(0);
		}

		private void expect(Op op, boolean ok, Object answer) {
			if (!ok) {
				problems.add(op + " answered " + answer);
			}
		}

		/**
		 * The exact balance, one charge per key in the ledger, and exactly one 70 %
		 * alert.
		 */
		void assertOutcome(OrgId org, CreditLedger ledger, Credits granted) {
			assertThat(problems).isEmpty();
			assertThat(recordedShared).hasSize(sharedKeysUsed());
			recordedShared
				.forEach((key, count) -> assertThat(count.get()).as("threads that recorded " + key).isEqualTo(1));

			BigDecimal charged = expectedCharge();
			Balance balance = ledger.balance(org);
			assertThat(balance.available()).isEqualTo(new Credits(granted.amount().subtract(charged)));
			assertThat(balance.held()).isEqualTo(Credits.ZERO);
			assertThat(balance.holds()).isEmpty();
			assertThat(balance.debt()).isEqualTo(Credits.ZERO);
			assertThat(balance.usedInPeriod()).isEqualTo(new Credits(charged));
			assertThat(balance.overageInPeriod()).isEqualTo(Credits.ZERO);

			Map<String, Integer> charges = new HashMap<>();
			BigDecimal ledgerCharged = BigDecimal.ZERO;
			for (LedgerEntry entry : allEntries(ledger, org)) {
				if (entry.type() == EntryType.DEBIT || entry.type() == EntryType.COMMIT) {
					charges.merge(entry.opKey(), 1, Integer::sum);
					ledgerCharged = ledgerCharged.add(entry.credits().amount());
				}
			}
			assertThat(charges).allSatisfy((opKey, count) -> assertThat(count).as(opKey).isEqualTo(1));
			assertThat(charges).hasSize(chargedOps());
			assertThat(ledgerCharged).isEqualByComparingTo(charged);

			List<Integer> thresholds = ledger.alerts(org, 100)
				.stream()
				.filter(alert -> alert.type() == Alert.AlertType.THRESHOLD)
				.map(Alert::threshold)
				.toList();
			assertThat(thresholds).containsExactly(70);
		}

		private int sharedKeysUsed() {
			return (int) plans.stream()
				.flatMap(List::stream)
				.filter(op -> op instanceof SharedDebit)
				.map(op -> ((SharedDebit) op).key())
				.distinct()
				.count();
		}

		/** Distinct charging ops: own debits and commits, plus each shared key once. */
		private int chargedOps() {
			return (int) plans.stream()
				.flatMap(List::stream)
				.map(Workload::chargeKey)
				.filter(java.util.Objects::nonNull)
				.distinct()
				.count();
		}

		private static String chargeKey(Op op) {
			if (op instanceof Debit d) {
				return "usage:" + d.key();
			}
			if (op instanceof SharedDebit s) {
				return "usage:" + s.key();
			}
			if (op instanceof HoldCommit h) {
				return "hold:" + h.key();
			}
			if (op instanceof SharedHold s) {
				return "hold:" + s.key();
			}
			return null;
		}

		static List<LedgerEntry> allEntries(CreditLedger ledger, OrgId org) {
			List<LedgerEntry> all = new ArrayList<>();
			String cursor = null;
			do {
				LedgerPage page = ledger.entries(org, cursor, 500);
				all.addAll(page.entries());
				cursor = page.nextCursor();
			}
			while (cursor != null);
			return all;
		}

	}

}
