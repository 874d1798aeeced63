package dev.billforge.ledger.internal;

import static dev.billforge.ledger.internal.LedgerFixture.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.Alert;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.LedgerProjections;
import dev.billforge.ledger.ParkedProjection;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.orgs.OrgId;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * A read model that keeps failing on one commit (here: a usage key the rollups cannot
 * store) must not stop the org's later usage from being counted: the commit is parked
 * after a bounded number of tries, later commits go on, its op keys stay charged once
 * (also after a restart), and a rebuild from the ledger brings the read model back to
 * exactly what was charged.
 */
class PoisonedProjectionTest {

	/**
	 * A read model (like the usage rollups) that counts each charge once and cannot store
	 * the poison.
	 */
	static final class ChargesReadModel implements LedgerCommitListener {

		final Map<String, Credits> charged = new ConcurrentHashMap<>();

		final Map<String, Alert> alerts = new ConcurrentHashMap<>();

		final AtomicBoolean poisoned = new AtomicBoolean(true);

		@Override
		public void onCommit(LedgerCommitted commit) {
			for (LedgerCommitted.Charged charge : commit.charges()) {
				if (poisoned.get() && charge.opKey().equals("usage:poison")) {
					throw new NumberFormatException("Conversion to Decimal128 would require inexact rounding");
				}
			}
			commit.charges().forEach(charge -> charged.putIfAbsent(charge.opKey(), charge.credits()));
			commit.alerts().forEach(alert -> alerts.putIfAbsent(alert.id(), alert));
		}

		Credits total() {
			return charged.values().stream().reduce(Credits.ZERO, Credits::plus);
		}

	}

	private final InMemoryLedgerStore durable = new InMemoryLedgerStore();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T00:00:00Z"));

	private final ChargesReadModel readModel = new ChargesReadModel();

	private LedgerFixture start() {
		return new LedgerFixture(durable, clock, Credits.of(100), List.of(readModel));
	}

	@Test
	void aCommitWhoseReadModelKeepsFailingIsParkedAndLaterUsageIsStillCounted() {
		LedgerFixture fx = start();
		OrgId org = fx.org("UTC");
		fx.ledger.recordUsage(org, List.of(usage("before", "2")), false);
		fx.ledger.recordUsage(org, List.of(usage("poison", "4")), false);

		for (int i = 0; i < 10; i++) {
			fx.ledger.recordUsage(org, List.of(usage("after-" + i, "8")), false);
		}

		// 2 + 10 × 8 = 82 of 100 used: the 70 % alert fired after the poison and still
		// reached the read model.
		assertThat(readModel.total()).isEqualTo(Credits.of(82));
		assertThat(readModel.alerts.values()).extracting(Alert::threshold).contains(70);
		assertThat(fx.projections.parked(10)).singleElement().satisfies(parked -> {
			assertThat(parked.orgId()).isEqualTo(org);
			assertThat(parked.attempts()).isEqualTo(AccountBook.Limits.DEFAULTS.projectionAttempts());
			assertThat(parked.error()).contains("Decimal128");
		});
		assertThat(fx.ledger.balance(org).available()).isEqualTo(Credits.of(100 - 86));
	}

	@Test
	void aParkedCommitsKeysStayChargedOnceAlsoAfterARestart() {
		LedgerFixture fx = start();
		OrgId org = fx.org("UTC");
		fx.ledger.recordUsage(org, List.of(usage("poison", "4")), false);
		for (int i = 0; i < 40; i++) {
			fx.ledger.recordUsage(org, List.of(usage("after-" + i, "1")), false);
		}
		assertThat(fx.projections.parked(10)).hasSize(1);
		// Snapshots went on past the parked commit: a restart does not replay it.
		assertThat(durable.loadSnapshot(org.value()).seq()).isGreaterThan(fx.projections.parked(1).get(0).seq());

		UsageOutcome sameInstance = fx.ledger.recordUsage(org, List.of(usage("poison", "4")), false).get(0);
		LedgerFixture restarted = start();
		restarted.zones.putAll(fx.zones);
		UsageOutcome afterRestart = restarted.ledger.recordUsage(org, List.of(usage("poison", "4")), false).get(0);

		assertThat(sameInstance.status()).isEqualTo(UsageOutcome.Status.DUPLICATE);
		assertThat(afterRestart.status()).isEqualTo(UsageOutcome.Status.DUPLICATE);
		assertThat(restarted.ledger.balance(org).available()).isEqualTo(Credits.of(100 - 4 - 40));
		assertThat(restarted.ledger.verify(org).consistent()).isTrue();
	}

	@Test
	void aRebuildFromTheLedgerCountsTheParkedCommitAndClearsIt() {
		LedgerFixture fx = start();
		OrgId org = fx.org("UTC");
		fx.ledger.recordUsage(org, List.of(usage("poison", "4")), false);
		for (int i = 0; i < 5; i++) {
			fx.ledger.recordUsage(org, List.of(usage("after-" + i, "3")), false);
		}
		assertThat(readModel.total()).isEqualTo(Credits.of(15));

		readModel.poisoned.set(false);
		LedgerProjections.RebuildReport report = fx.projections.rebuild(org);

		assertThat(readModel.total()).isEqualTo(Credits.of(19));
		assertThat(report.resolvedParked()).isEqualTo(1);
		assertThat(fx.projections.parked(10)).isEmpty();
	}

	@Test
	void aRebuildThatFailsAgainLeavesTheCommitParked() {
		LedgerFixture fx = start();
		OrgId org = fx.org("UTC");
		fx.ledger.recordUsage(org, List.of(usage("poison", "4")), false);
		for (int i = 0; i < 5; i++) {
			fx.ledger.recordUsage(org, List.of(usage("after-" + i, "3")), false);
		}

		assertThatThrownBy(() -> fx.projections.rebuild(org)).isInstanceOfSatisfying(ProblemException.class, ex -> {
			assertThat(ex.code()).isEqualTo("rebuild_failed");
			assertThat(ex.getMessage()).contains("Decimal128");
		});

		assertThat(fx.projections.parked(10)).extracting(ParkedProjection::orgId).containsExactly(org);
	}

}
