package dev.billforge.ledger.internal;

import static dev.billforge.ledger.internal.LedgerFixture.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.Reservation;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.orgs.OrgId;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * A commit is durable before it is projected. These tests break projection (the op-key
 * index, the snapshot) and check that nothing is charged twice, while running and after a
 * restart.
 */
class ProjectionRecoveryTest {

	private static final Instant NOV_10 = Instant.parse("2026-11-10T00:00:00Z");

	/** A store whose projection writes fail while {@link #broken} is set. */
	static final class FlakyStore extends ForwardingStore {

		final AtomicBoolean broken = new AtomicBoolean();

		FlakyStore(LedgerStore delegate) {
			super(delegate);
		}

		@Override
		public void projectCommits(List<Commit> commits) {
			if (broken.get()) {
				throw new IllegalStateException("op-key index unavailable");
			}
			super.projectCommits(commits);
		}

		@Override
		public void saveSnapshot(AccountSnapshot snapshot) {
			if (broken.get()) {
				throw new IllegalStateException("snapshot unavailable");
			}
			super.saveSnapshot(snapshot);
		}

	}

	private final InMemoryLedgerStore durable = new InMemoryLedgerStore();

	private final FlakyStore store = new FlakyStore(durable);

	private final MutableClock clock = new MutableClock(NOV_10);

	private LedgerFixture start() {
		return new LedgerFixture(store, clock, Credits.of(100), List.<LedgerCommitListener>of());
	}

	@Test
	void usageWhoseProjectionFailedIsStillADuplicateOnTheSameInstance() {
		LedgerFixture fx = start();
		OrgId org = fx.org("UTC");
		fx.ledger.balance(org);
		store.broken.set(true);

		UsageOutcome first = fx.ledger.recordUsage(org, List.of(usage("job-1", "30")), false).get(0);
		UsageOutcome again = fx.ledger.recordUsage(org, List.of(usage("job-1", "30")), false).get(0);

		assertThat(first.status()).isEqualTo(UsageOutcome.Status.RECORDED);
		assertThat(again.status()).isEqualTo(UsageOutcome.Status.DUPLICATE);
		assertThat(fx.ledger.balance(org).available()).isEqualTo(Credits.of(70));
		assertThat(durable.findOps(org.value(), List.of("usage:job-1"))).isEmpty();
	}

	@Test
	void afterARestartUnprojectedCommitsAreReplayedAndTheirKeysStayCharged() {
		LedgerFixture crashed = start();
		OrgId org = crashed.org("UTC");
		crashed.ledger.balance(org);
		store.broken.set(true);
		crashed.ledger.recordUsage(org, List.of(usage("job-1", "30")), false);
		crashed.ledger.recordUsage(org, List.of(usage("job-2", "20")), false);

		// The process dies with both commits unprojected; a new instance starts on the
		// same store.
		store.broken.set(false);
		LedgerFixture restarted = start();
		restarted.zones.putAll(crashed.zones);
		List<UsageOutcome> retried = restarted.ledger.recordUsage(org,
				List.of(usage("job-1", "30"), usage("job-2", "20"), usage("job-3", "5")), false);

		assertThat(retried).extracting(UsageOutcome::status)
			.containsExactly(UsageOutcome.Status.DUPLICATE, UsageOutcome.Status.DUPLICATE,
					UsageOutcome.Status.RECORDED);
		assertThat(restarted.ledger.balance(org).available()).isEqualTo(Credits.of(45));
		assertThat(durable.findOps(org.value(), List.of("usage:job-1", "usage:job-2", "usage:job-3"))).hasSize(3);
		assertThat(restarted.ledger.verify(org).consistent()).isTrue();
	}

	@Test
	void aSnapshotIsNeverSavedPastACommitWhoseProjectionFailed() {
		LedgerFixture fx = start();
		OrgId org = fx.org("UTC");
		fx.ledger.balance(org);
		store.broken.set(true);
		fx.ledger.recordUsage(org, List.of(usage("lost-index", "30")), false);
		long unprojected = durable.commits.values().stream().mapToLong(Commit::seq).max().orElseThrow();
		store.broken.set(false);

		for (int i = 0; i < 2 * ProjectionQueue.SNAPSHOT_EVERY; i++) {
			fx.ledger.recordUsage(org, List.of(usage("job-" + i, "1")), false);
			long snapshot = durable.loadSnapshot(org.value()).seq();
			assertThat(snapshot < unprojected || !durable.findOps(org.value(), List.of("usage:lost-index")).isEmpty())
				.as("snapshot at %d saved while commit %d was unprojected", snapshot, unprojected)
				.isTrue();
		}

		// The retried projection went first; snapshots were saved again after it.
		assertThat(durable.findOps(org.value(), List.of("usage:lost-index"))).hasSize(1);
		assertThat(durable.loadSnapshot(org.value()).seq()).isGreaterThan(unprojected);
		LedgerFixture restarted = start();
		restarted.zones.putAll(fx.zones);
		assertThat(restarted.ledger.balance(org).available())
			.isEqualTo(Credits.of(100 - 30 - 2 * ProjectionQueue.SNAPSHOT_EVERY));
	}

	@Test
	void aHoldCommittedButNotProjectedIsReportedCommittedWhenReservedAgain() {
		LedgerFixture fx = start();
		OrgId org = fx.org("UTC");
		Reservation held = fx.ledger.reserve(org, "job-9", Credits.of(10), null, Duration.ofMinutes(5));
		store.broken.set(true);
		fx.ledger.commit(org, held.id(), Credits.of(4));

		Reservation again = fx.ledger.reserve(org, "job-9", Credits.of(10), null, Duration.ofMinutes(5));

		assertThat(again.status()).isEqualTo(Reservation.Status.COMMITTED);
		assertThat(again.charged()).isEqualTo(Credits.of(4));
		assertThat(fx.ledger.balance(org).available()).isEqualTo(Credits.of(96));
	}

	@Test
	void balanceSeesAnotherInstancesCommitAtOnceEvenWhenChecksMayLag() {
		LedgerFixture one = start();
		OrgId org = one.org("UTC");
		one.ledger.balance(org);
		LedgerFixture two = start();
		two.zones.putAll(one.zones);

		two.ledger.recordUsage(org, List.of(usage("elsewhere", "60")), false);

		assertThat(one.ledger.balance(org).available()).isEqualTo(Credits.of(40));
		assertThat(one.ledger.check(org, Credits.of(50)).allowed()).isFalse();
	}

}
