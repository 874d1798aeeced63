package dev.billforge.ledger.internal;

import static dev.billforge.ledger.internal.LedgerFixture.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.Reservation;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.orgs.OrgId;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * What the ledger keeps in memory and in an account is bounded: cached accounts, open
 * holds per org, and op keys answered from memory while the store does not take them.
 */
class BoundedLedgerMemoryTest {

	private final InMemoryLedgerStore durable = new InMemoryLedgerStore();

	private final ProjectionRecoveryTest.FlakyStore store = new ProjectionRecoveryTest.FlakyStore(durable);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T00:00:00Z"));

	private LedgerFixture start(AccountBook.Limits limits, int maxOpenHolds) {
		return new LedgerFixture(store, clock, Credits.of(100), List.<LedgerCommitListener>of(), limits, maxOpenHolds);
	}

	@Test
	void manyOrgsDoNotGrowTheAccountCachePastItsBoundAndAnEvictedAccountReloadsExactly() {
		LedgerFixture fx = start(new AccountBook.Limits(100, Duration.ofMinutes(30), 3, 50_000), 1000);
		OrgId org = fx.org("UTC");
		fx.ledger.recordUsage(org, List.of(usage("job-1", "30")), false);
		Reservation hold = fx.ledger.reserve(org, "job-2", Credits.of(20), null, Duration.ofMinutes(10));

		for (int i = 0; i < 5_000; i++) {
			fx.ledger.balance(fx.org("UTC"));
		}

		assertThat(fx.book.cachedAccounts()).isLessThanOrEqualTo(100);
		assertThat(fx.ledger.balance(org).available()).isEqualTo(Credits.of(50));
		assertThat(fx.ledger.balance(org).held()).isEqualTo(Credits.of(20));
		assertThat(fx.ledger.recordUsage(org, List.of(usage("job-1", "30")), false).get(0).status())
			.isEqualTo(UsageOutcome.Status.DUPLICATE);
		assertThat(fx.ledger.commit(org, hold.id(), Credits.of(5)).charged()).isEqualTo(Credits.of(5));
		assertThat(fx.ledger.balance(org).available()).isEqualTo(Credits.of(65));
		assertThat(fx.ledger.verify(org).consistent()).isTrue();
	}

	@Test
	void openHoldsPerOrgAreBoundedWithTheirOwnCode() {
		LedgerFixture fx = start(AccountBook.Limits.DEFAULTS, 3);
		OrgId org = fx.org("UTC");
		Reservation first = fx.ledger.reserve(org, "h-1", Credits.of(1), null, Duration.ofMinutes(10));
		fx.ledger.reserve(org, "h-2", Credits.of(1), null, Duration.ofMinutes(10));
		fx.ledger.reserve(org, "h-3", Credits.of(1), null, Duration.ofMinutes(10));

		assertThatThrownBy(() -> fx.ledger.reserve(org, "h-4", Credits.of(1), null, Duration.ofMinutes(10)))
			.isInstanceOfSatisfying(ProblemException.class, ex -> {
				assertThat(ex.code()).isEqualTo("too_many_holds");
				assertThat(ex.status()).isEqualTo(429);
			});
		// A repeated reserve is answered as before; a freed slot can be used again.
		assertThat(fx.ledger.reserve(org, "h-1", Credits.of(1), null, Duration.ofMinutes(10)).id())
			.isEqualTo(first.id());
		fx.ledger.release(org, first.id());
		assertThat(fx.ledger.reserve(org, "h-4", Credits.of(1), null, Duration.ofMinutes(10)).status())
			.isEqualTo(Reservation.Status.HELD);
		assertThat(fx.ledger.balance(org).holds()).hasSize(3);
	}

	@Test
	void whileTheStoreRefusesOpKeysAnOrgsWritesStopAtTheBoundInsteadOfGrowingMemory() {
		LedgerFixture fx = start(new AccountBook.Limits(100, Duration.ofMinutes(30), 3, 5), 1000);
		OrgId org = fx.org("UTC");
		fx.ledger.balance(org);
		store.broken.set(true);
		for (int i = 0; i < 6; i++) {
			fx.ledger.recordUsage(org, List.of(usage("job-" + i, "1")), false);
		}

		assertThatThrownBy(() -> fx.ledger.recordUsage(org, List.of(usage("job-6", "1")), false))
			.isInstanceOfSatisfying(ProblemException.class,
					ex -> assertThat(ex.code()).isEqualTo("ledger_unavailable"));

		store.broken.set(false);
		assertThat(fx.ledger.recordUsage(org, List.of(usage("job-0", "1"), usage("job-6", "1")), false))
			.extracting(UsageOutcome::status)
			.containsExactly(UsageOutcome.Status.DUPLICATE, UsageOutcome.Status.RECORDED);
		assertThat(fx.ledger.balance(org).available()).isEqualTo(Credits.of(93));
	}

}
