package dev.billforge.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.billforge.ledger.GrantReceipt;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.Reservation;
import dev.billforge.orgs.OrgId;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * The sweeper reads only accounts with due work (a hold or grant expiring, a period
 * ending), so its cost grows with the due work, not with the number of orgs.
 */
class DueSweepTest {

	private static final Instant NOV_10 = Instant.parse("2026-11-10T00:00:00Z");

	/** Counts reads of accounts: snapshots and commits. */
	static final class CountingStore extends ForwardingStore {

		final AtomicInteger accountReads = new AtomicInteger();

		CountingStore(LedgerStore delegate) {
			super(delegate);
		}

		@Override
		public AccountSnapshot loadSnapshot(String orgId) {
			accountReads.incrementAndGet();
			return super.loadSnapshot(orgId);
		}

		@Override
		public Commit loadCommit(String orgId, long seq) {
			accountReads.incrementAndGet();
			return super.loadCommit(orgId, seq);
		}

		@Override
		public boolean commitExists(String orgId, long seq) {
			accountReads.incrementAndGet();
			return super.commitExists(orgId, seq);
		}

	}

	private final InMemoryLedgerStore durable = new InMemoryLedgerStore();

	private final CountingStore store = new CountingStore(durable);

	private final MutableClock clock = new MutableClock(NOV_10);

	private LedgerFixture start() {
		return new LedgerFixture(store, clock, Credits.of(100), List.<LedgerCommitListener>of());
	}

	@Test
	void aSweepReadsNoneOfManyIdleOrgsWithoutDueWork() {
		LedgerFixture fx = start();
		fx.ledger.settleDueAccounts();
		for (int i = 0; i < 300; i++) {
			fx.ledger.balance(fx.org("UTC"));
		}
		clock.advance(Duration.ofDays(1));
		// A new instance: nothing in memory, every account would have to be loaded to be
		// looked at.
		LedgerFixture restarted = start();
		restarted.zones.putAll(fx.zones);
		store.accountReads.set(0);

		int read = restarted.ledger.settleDueAccounts();

		assertThat(read).isZero();
		assertThat(store.accountReads).hasValue(0);
	}

	@Test
	void dueHoldsGrantsAndPeriodsAreStillSettledByTheSweep() {
		LedgerFixture fx = start();
		fx.ledger.settleDueAccounts();
		OrgId idle = fx.org("UTC");
		fx.ledger.balance(idle);
		OrgId holding = fx.org("UTC");
		Reservation hold = fx.ledger.reserve(holding, "job", Credits.of(10), null, Duration.ofMinutes(5));
		OrgId granted = fx.org("UTC");
		GrantReceipt promo = fx.ledger.grant(granted, new GrantRequest("promo", GrantSource.PROMO, Credits.of(5), null,
				NOV_10.plus(Duration.ofHours(1)), "test", null));

		clock.advance(Duration.ofHours(2));
		LedgerFixture restarted = start();
		restarted.zones.putAll(fx.zones);
		assertThat(restarted.ledger.settleDueAccounts()).isEqualTo(2);

		assertThat(durable.findOps(holding.value(), List.of("expire-hold:" + hold.id()))).hasSize(1);
		assertThat(durable.findOps(granted.value(), List.of("expire-grant:" + promo.grantId()))).hasSize(1);

		// November ends: every org's period rolls, the idle one's too, and then none is
		// due again.
		clock.advance(Duration.ofDays(21));
		LedgerFixture later = start();
		later.zones.putAll(fx.zones);
		assertThat(later.ledger.settleDueAccounts()).isEqualTo(3);
		for (OrgId org : List.of(idle, holding, granted)) {
			assertThat(durable.findOps(org.value(), List.of("period:2026-12-01T00:00:00Z"))).hasSize(1);
		}
		assertThat(later.ledger.settleDueAccounts()).isZero();
	}

	@Test
	void aHoldTakenAfterTheSweepMovedTheDueDateOnIsStillExpired() {
		LedgerFixture fx = start();
		fx.ledger.settleDueAccounts();
		OrgId org = fx.org("UTC");
		Reservation first = fx.ledger.reserve(org, "first", Credits.of(10), null, Duration.ofMinutes(5));
		clock.advance(Duration.ofMinutes(10));
		assertThat(fx.ledger.settleDueAccounts()).isEqualTo(1);
		assertThat(durable.findOps(org.value(), List.of("expire-hold:" + first.id()))).hasSize(1);

		Reservation second = fx.ledger.reserve(org, "second", Credits.of(10), null, Duration.ofMinutes(5));
		clock.advance(Duration.ofMinutes(10));
		LedgerFixture restarted = start();
		restarted.zones.putAll(fx.zones);
		assertThat(restarted.ledger.settleDueAccounts()).isEqualTo(1);

		assertThat(durable.findOps(org.value(), List.of("expire-hold:" + second.id()))).hasSize(1);
	}

	@Test
	void accountsFromBeforeDueDatesAreReadOnceAndThenOnlyWhenDue() {
		LedgerFixture fx = start();
		for (int i = 0; i < 20; i++) {
			fx.ledger.balance(fx.org("UTC"));
		}
		durable.due.clear();

		assertThat(fx.ledger.settleDueAccounts()).isEqualTo(20);
		assertThat(durable.due).hasSize(20);
		assertThat(fx.ledger.settleDueAccounts()).isZero();
	}

}
