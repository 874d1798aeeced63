package dev.billforge.ledger.internal;

import static dev.billforge.ledger.internal.LedgerFixture.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.Reservation;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.orgs.OrgId;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * Many threads on one org while projection fails at random: every key is charged once,
 * the balance equals the ledger, and once the store heals every op key is in it — also
 * for a restarted instance.
 */
class ProjectionUnderConcurrencyTest {

	private static final int THREADS = 16;

	private static final int OPS_PER_THREAD = 150;

	private static final int KEYS = 120;

	/** Projection fails at random (seeded) while {@link #flaky} is set. */
	static final class RandomlyFailingStore extends ForwardingStore {

		final AtomicBoolean flaky = new AtomicBoolean(true);

		private final Random random;

		RandomlyFailingStore(LedgerStore delegate, long seed) {
			super(delegate);
			this.random = new Random(seed);
		}

		private synchronized boolean fails() {
			return flaky.get() && random.nextInt(100) < 60;
		}

		@Override
		public void projectCommits(List<Commit> commits) {
			if (fails()) {
				throw new IllegalStateException("op-key index unavailable");
			}
			super.projectCommits(commits);
		}

	}

	/** Every key always stands for the same amount: 1 to 7 credits. */
	private static String credits(int key) {
		return String.valueOf(1 + key % 7);
	}

	@Test
	void concurrentUsageAndHoldsWithFailingProjectionChargeEachKeyOnce() throws Exception {
		long seed = Long.getLong("ledger.seed", 42L);
		InMemoryLedgerStore durable = new InMemoryLedgerStore();
		RandomlyFailingStore store = new RandomlyFailingStore(durable, seed);
		MutableClock clock = new MutableClock(Instant.parse("2026-11-10T00:00:00Z"));
		LedgerFixture fx = new LedgerFixture(store, clock, Credits.of(1_000_000), List.<LedgerCommitListener>of());
		OrgId org = fx.org("UTC");
		fx.ledger.balance(org);

		Map<Integer, Integer> recorded = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<Integer>> committedHolds = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			committedHolds.add(pool.submit(() -> {
				Random random = new Random(seed * 31 + thread);
				int holds = 0;
				for (int i = 0; i < OPS_PER_THREAD; i++) {
					if (random.nextInt(4) == 0) {
						Reservation hold = fx.ledger.reserve(org, "job-" + thread + "-" + i, Credits.of(5), null,
								Duration.ofMinutes(5));
						fx.ledger.commit(org, hold.id(), Credits.of(3));
						holds++;
					}
					else {
						int key = random.nextInt(KEYS);
						UsageOutcome outcome = fx.ledger
							.recordUsage(org, List.of(usage("k" + key, credits(key))), false)
							.get(0);
						if (outcome.status() == UsageOutcome.Status.RECORDED) {
							recorded.merge(key, 1, Integer::sum);
						}
						else {
							assertThat(outcome.status()).isEqualTo(UsageOutcome.Status.DUPLICATE);
						}
					}
				}
				return holds;
			}));
		}
		int holds = 0;
		for (Future<Integer> done : committedHolds) {
			holds += done.get();
		}
		pool.shutdown();

		assertThat(recorded.values()).as("each key recorded once, every other time a duplicate").containsOnly(1);
		List<String> usedKeys = recorded.keySet().stream().map(key -> "usage:k" + key).toList();
		int expected = recorded.keySet().stream().mapToInt(key -> Integer.parseInt(credits(key))).sum() + 3 * holds;

		store.flaky.set(false);
		fx.ledger.recordUsage(org, List.of(usage("after-heal", "1")), false);
		expected += 1;

		assertThat(fx.ledger.balance(org).available()).as("seed %d", seed).isEqualTo(Credits.of(1_000_000 - expected));
		assertThat(fx.ledger.verify(org).consistent()).isTrue();
		assertThat(durable.findOps(org.value(), usedKeys)).as("every op key reached the store once healed")
			.hasSize(usedKeys.size());

		LedgerFixture restarted = new LedgerFixture(durable, clock, Credits.of(1_000_000), List.of());
		restarted.zones.putAll(fx.zones);
		assertThat(restarted.ledger.balance(org).available()).isEqualTo(Credits.of(1_000_000 - expected));
		assertThat(restarted.ledger.recordUsage(org, List.of(usage("k1", credits(1))), false).get(0).status().name())
			.isEqualTo(usedKeys.contains("usage:k1") ? "DUPLICATE" : "RECORDED");
	}

}
