package dev.billforge.ledger.internal;

import static dev.billforge.ledger.internal.LedgerFixture.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.Alert;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.BillingPeriod;
import dev.billforge.ledger.CapMode;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.CreditsDeniedException;
import dev.billforge.ledger.DenialReason;
import dev.billforge.ledger.EntryType;
import dev.billforge.ledger.Grant;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.ledger.LedgerEntry;
import dev.billforge.ledger.Reservation;
import dev.billforge.ledger.SpendCap;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/** The worked examples of the ledger semantics, one test each. */
class LedgerSemanticsTest {

	private static final Instant NOV_10 = Instant.parse("2026-11-10T00:00:00Z");

	private final LedgerFixture fx = new LedgerFixture(NOV_10, Credits.of(100));

	private final CreditLedger ledger = fx.ledger;

	private static Credits c(String amount) {
		return Credits.of(amount);
	}

	private void grant(OrgId org, String key, GrantSource source, String credits, Instant expiresAt) {
		ledger.grant(org, new GrantRequest(key, source, c(credits), null, expiresAt, "test", null));
	}

	private void spendFreeTierDownTo(OrgId org, String available) {
		Credits spend = c("100").minus(c(available));
		ledger.recordUsage(org, List.of(usage("setup", spend.toString())), false);
	}

	@Test
	void newOrgGetsOneFreeTierGrantOfOneHundred() {
		OrgId org = fx.org("UTC");
		Balance balance = ledger.balance(org);
		assertThat(balance.available()).isEqualTo(c("100"));
		assertThat(balance.held()).isEqualTo(Credits.ZERO);
		assertThat(balance.debt()).isEqualTo(Credits.ZERO);
		assertThat(balance.grants()).singleElement().satisfies(grant -> {
			assertThat(grant.source()).isEqualTo(GrantSource.FREE_TIER);
			assertThat(grant.expiresAt()).isNull();
		});
		List<LedgerEntry> entries = ledger.entries(org, null, 10).entries();
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.type()).isEqualTo(EntryType.GRANT);
			assertThat(entry.availableAfter()).isEqualTo(c("100"));
		});
	}

	@Test
	void allowanceIsSpentBeforeFreeCreditsAndPacksLast() {
		OrgId org = fx.org("UTC");
		Instant periodEnd = ledger.balance(org).period().end();
		grant(org, "allowance", GrantSource.PLAN_ALLOWANCE, "500", periodEnd);
		grant(org, "pack", GrantSource.PACK, "1000", null);
		ledger.recordUsage(org, List.of(usage("u1", "550")), false);
		Balance balance = ledger.balance(org);
		assertThat(balance.grants()).extracting(Grant::source, Grant::remaining)
			.containsExactly(tuple(GrantSource.FREE_TIER, c("50")), tuple(GrantSource.PACK, c("1000")));
		assertThat(balance.available()).isEqualTo(c("1050"));
	}

	@Test
	void equalPriorityGrantsSpendEarliestExpiryFirstThenOldest() {
		OrgId org = fx.org("UTC");
		ledger.recordUsage(org, List.of(usage("free", "100")), false);
		grant(org, "late", GrantSource.PROMO, "10", NOV_10.plus(Duration.ofDays(30)));
		fx.clock.advance(Duration.ofSeconds(1));
		grant(org, "early", GrantSource.PROMO, "10", NOV_10.plus(Duration.ofDays(5)));
		grant(org, "never-old", GrantSource.PACK, "10", null);
		fx.clock.advance(Duration.ofSeconds(1));
		grant(org, "never-new", GrantSource.PACK, "10", null);
		ledger.recordUsage(org, List.of(usage("u", "25")), false);
		// early promo 10 → 0, late promo 10 → 0, older pack 10 → 5; the newer pack is
		// untouched
		assertThat(ledger.balance(org).grants()).extracting(Grant::source, Grant::remaining, Grant::grantedAt)
			.containsExactly(tuple(GrantSource.PACK, c("5"), NOV_10.plusSeconds(1)),
					tuple(GrantSource.PACK, c("10"), NOV_10.plusSeconds(2)));
	}

	@Test
	void commitBelowTheHoldChargesTheActualAndReleasesTheRest() {
		OrgId org = fx.org("UTC");
		Reservation hold = ledger.reserve(org, "job-1", c("40"), null, Duration.ofMinutes(5));
		assertThat(ledger.balance(org).available()).isEqualTo(c("60"));
		assertThat(ledger.balance(org).held()).isEqualTo(c("40"));

		Reservation committed = ledger.commit(org, hold.id(), c("25"));
		assertThat(committed.charged()).isEqualTo(c("25"));
		assertThat(committed.released()).isEqualTo(c("15"));
		assertThat(ledger.balance(org).available()).isEqualTo(c("75"));
		assertThat(ledger.balance(org).held()).isEqualTo(Credits.ZERO);

		Reservation again = ledger.commit(org, hold.id(), c("25"));
		assertThat(again.charged()).isEqualTo(c("25"));
		assertThat(ledger.balance(org).available()).isEqualTo(c("75"));
	}

	@Test
	void reservingTheSameKeyTwiceReturnsTheSameHold() {
		OrgId org = fx.org("UTC");
		Reservation first = ledger.reserve(org, "job-1", c("40"), null, Duration.ofMinutes(5));
		Reservation second = ledger.reserve(org, "job-1", c("40"), null, Duration.ofMinutes(5));
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(ledger.balance(org).held()).isEqualTo(c("40"));
		assertThatThrownBy(() -> ledger.reserve(org, "job-1", c("41"), null, Duration.ofMinutes(5)))
			.isInstanceOf(ProblemException.class)
			.extracting(ex -> ((ProblemException) ex).status())
			.isEqualTo(409);
	}

	@Test
	void commitAboveTheHoldChargesTheExtraFromAvailable() {
		OrgId org = fx.org("UTC");
		Reservation hold = ledger.reserve(org, "job-2", c("40"), null, Duration.ofMinutes(5));
		assertThat(ledger.balance(org).available()).isEqualTo(c("60"));
		Reservation committed = ledger.commit(org, hold.id(), c("70"));
		assertThat(committed.charged()).isEqualTo(c("70"));
		assertThat(ledger.balance(org).available()).isEqualTo(c("30"));
	}

	@Test
	void expiredHoldFreesItselfAndALateCommitIsStillCharged() {
		OrgId org = fx.org("UTC");
		Reservation hold = ledger.reserve(org, "job-3", c("40"), null, Duration.ofSeconds(60));
		fx.clock.advance(Duration.ofSeconds(61));
		assertThat(ledger.balance(org).available()).isEqualTo(c("100"));
		assertThat(ledger.entries(org, null, 1).entries()).singleElement().satisfies(entry -> {
			assertThat(entry.type()).isEqualTo(EntryType.RELEASE);
			assertThat(entry.reason()).isEqualTo("expired");
		});
		Reservation late = ledger.commit(org, hold.id(), c("30"));
		assertThat(late.charged()).isEqualTo(c("30"));
		assertThat(ledger.balance(org).available()).isEqualTo(c("70"));
	}

	@Test
	void unfundedUsageBecomesDebtAndTheNextGrantPaysItFirst() {
		OrgId org = fx.org("UTC");
		spendFreeTierDownTo(org, "5");
		ledger.recordUsage(org, List.of(usage("u8", "8")), false);
		Balance inDebt = ledger.balance(org);
		assertThat(inDebt.available()).isEqualTo(Credits.ZERO);
		assertThat(inDebt.debt()).isEqualTo(c("3"));
		assertThat(ledger.check(org, c("1")).allowed()).isFalse();
		assertThat(ledger.check(org, c("1")).reason()).isEqualTo(DenialReason.INSUFFICIENT_CREDITS);
		assertThatThrownBy(() -> ledger.reserve(org, "job", c("1"), null, Duration.ofMinutes(1)))
			.isInstanceOf(CreditsDeniedException.class)
			.extracting(ex -> ((CreditsDeniedException) ex).status())
			.isEqualTo(402);

		grant(org, "pack", GrantSource.PACK, "50", null);
		Balance after = ledger.balance(org);
		assertThat(after.available()).isEqualTo(c("47"));
		assertThat(after.debt()).isEqualTo(Credits.ZERO);
		assertThat(ledger.entries(org, null, 1).entries()).singleElement().satisfies(entry -> {
			assertThat(entry.type()).isEqualTo(EntryType.DEBT_SETTLEMENT);
			assertThat(entry.credits()).isEqualTo(c("3"));
		});
	}

	@Test
	void usageNeverDrawsOnCreditsUnderAnotherHold() {
		OrgId org = fx.org("UTC");
		spendFreeTierDownTo(org, "20");
		Reservation hold = ledger.reserve(org, "job", c("20"), null, Duration.ofMinutes(5));
		ledger.recordUsage(org, List.of(usage("u4", "4")), false);
		assertThat(ledger.balance(org).debt()).isEqualTo(c("4"));
		Reservation committed = ledger.commit(org, hold.id(), c("20"));
		assertThat(committed.charged()).isEqualTo(c("20"));
		Balance balance = ledger.balance(org);
		assertThat(balance.debt()).isEqualTo(c("4"));
		assertThat(balance.available()).isEqualTo(Credits.ZERO);
		assertThat(ledger.verify(org).consistent()).isTrue();
	}

	private OrgId teamPlanWithAllowanceUsed(CapMode mode) {
		OrgId org = fx.org("UTC");
		ledger.recordUsage(org, List.of(usage("free", "100")), false);
		grant(org, "allowance", GrantSource.PLAN_ALLOWANCE, "1000", ledger.balance(org).period().end());
		ledger.setOverageAllowed(org, true);
		ledger.setSpendCap(org, new SpendCap(c("200"), mode));
		ledger.recordUsage(org, List.of(usage("allowance", "1000")), false);
		return org;
	}

	@Test
	void softCapKeepsAllOverageBillableAndAlerts() {
		OrgId org = teamPlanWithAllowanceUsed(CapMode.SOFT);
		ledger.recordUsage(org, List.of(usage("over", "300")), false);
		Balance balance = ledger.balance(org);
		assertThat(balance.overageInPeriod()).isEqualTo(c("300"));
		assertThat(balance.overCapInPeriod()).isEqualTo(Credits.ZERO);
		assertThat(ledger.alerts(org, 50)).extracting(Alert::type).contains(Alert.AlertType.CAP_REACHED);
		assertThat(ledger.check(org, c("10")).allowed()).isTrue();
	}

	@Test
	void hardCapBillsUpToTheCapAndRecordsTheRestAsNotBillable() {
		OrgId org = teamPlanWithAllowanceUsed(CapMode.HARD);
		ledger.recordUsage(org, List.of(usage("over", "300")), false);
		Balance balance = ledger.balance(org);
		assertThat(balance.overageInPeriod()).isEqualTo(c("200"));
		assertThat(balance.overCapInPeriod()).isEqualTo(c("100"));
		assertThat(ledger.check(org, c("1")).reason()).isEqualTo(DenialReason.CAP_REACHED);
	}

	@Test
	void enforcedUsageBeyondAHardCapIsRejectedAndNothingRecorded() {
		OrgId org = teamPlanWithAllowanceUsed(CapMode.HARD);
		long seq = ledger.balance(org).ledgerSeq();
		List<UsageOutcome> outcomes = ledger.recordUsage(org, List.of(usage("over", "300")), true);
		assertThat(outcomes).singleElement().satisfies(outcome -> {
			assertThat(outcome.status()).isEqualTo(UsageOutcome.Status.REJECTED);
			assertThat(outcome.rejectedFor()).isEqualTo(DenialReason.CAP_REACHED);
		});
		assertThat(ledger.balance(org).overageInPeriod()).isEqualTo(Credits.ZERO);
		assertThat(ledger.balance(org).ledgerSeq()).isEqualTo(seq);
	}

	@Test
	void thresholdsFireOnceEachAtSeventyNinetyAndOneHundredPercent() {
		OrgId org = fx.org("UTC");
		grant(org, "pack", GrantSource.PACK, "900", null);
		ledger.recordUsage(org, List.of(usage("a", "699")), false);
		assertThat(thresholds(org)).isEmpty();
		ledger.recordUsage(org, List.of(usage("b", "1")), false);
		assertThat(thresholds(org)).containsExactly(70);
		ledger.recordUsage(org, List.of(usage("c", "200")), false);
		assertThat(thresholds(org)).containsExactlyInAnyOrder(70, 90);
		ledger.recordUsage(org, List.of(usage("d", "100")), false);
		assertThat(thresholds(org)).containsExactlyInAnyOrder(70, 90, 100);
		grant(org, "more", GrantSource.PACK, "5000", null);
		ledger.recordUsage(org, List.of(usage("e", "1")), false);
		assertThat(thresholds(org)).hasSize(3);
	}

	@Test
	void fiftyConcurrentRequestsCrossingSeventyPercentFireExactlyOneAlert() throws Exception {
		OrgId org = fx.org("UTC");
		grant(org, "pack", GrantSource.PACK, "900", null);
		ledger.recordUsage(org, List.of(usage("base", "650")), false);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < 50; i++) {
				String key = "k" + i;
				futures.add(pool.submit(() -> ledger.recordUsage(org, List.of(usage(key, "1")), false)));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(thresholds(org)).containsExactly(70);
	}

	private List<Integer> thresholds(OrgId org) {
		return ledger.alerts(org, 50)
			.stream()
			.filter(alert -> alert.type() == Alert.AlertType.THRESHOLD)
			.map(Alert::threshold)
			.toList();
	}

	@Test
	void allowanceExpiresAtPeriodEndAndThresholdsReset() {
		OrgId org = fx.org("UTC");
		Instant periodEnd = ledger.balance(org).period().end();
		grant(org, "allowance", GrantSource.PLAN_ALLOWANCE, "500", periodEnd);
		ledger.recordUsage(org, List.of(usage("u", "450")), false);
		assertThat(thresholds(org)).containsExactly(70);
		fx.clock.set(periodEnd.plusSeconds(1));
		Balance next = ledger.balance(org);
		assertThat(next.period().start()).isEqualTo(periodEnd);
		assertThat(next.grants()).extracting(Grant::source).containsExactly(GrantSource.FREE_TIER);
		assertThat(next.available()).isEqualTo(c("100"));
		assertThat(next.usedInPeriod()).isEqualTo(Credits.ZERO);
		assertThat(ledger.entries(org, null, 1).entries()).extracting(LedgerEntry::type)
			.containsExactly(EntryType.EXPIRY);
		ledger.recordUsage(org, List.of(usage("v", "70")), false);
		assertThat(thresholds(org)).containsExactlyInAnyOrder(70, 70);
	}

	@Test
	void subscriptionPeriodReportedAfterTheAssumedRenewalKeepsTheUsageAndAlertsSinceRenewal() {
		OrgId org = fx.org("UTC");
		Instant dec10 = Instant.parse("2026-12-10T00:00:00Z");
		ledger.startPeriod(org, "sub:nov", new BillingPeriod(NOV_10, dec10));
		fx.clock.set(dec10.plusSeconds(3600));
		// Renewal time: the ledger assumes a period of the same length until billing
		// reports the real one.
		assertThat(ledger.balance(org).period()).isEqualTo(new BillingPeriod(dec10, dec10.plus(Duration.ofDays(30))));
		ledger.recordUsage(org, List.of(usage("after-renewal", "75")), false);
		assertThat(thresholds(org)).containsExactly(70);

		Instant jan10 = Instant.parse("2027-01-10T00:00:00Z");
		ledger.startPeriod(org, "sub:dec", new BillingPeriod(dec10, jan10));

		Balance balance = ledger.balance(org);
		assertThat(balance.period()).isEqualTo(new BillingPeriod(dec10, jan10));
		assertThat(balance.usedInPeriod()).isEqualTo(c("75"));
		ledger.recordUsage(org, List.of(usage("later", "1")), false);
		assertThat(thresholds(org)).containsExactly(70);
	}

	@Test
	void aLateReportOfAnEarlierPeriodChangesNothing() {
		OrgId org = fx.org("UTC");
		Instant dec10 = Instant.parse("2026-12-10T00:00:00Z");
		ledger.startPeriod(org, "sub:nov", new BillingPeriod(NOV_10, dec10));
		ledger.recordUsage(org, List.of(usage("u", "20")), false);

		ledger.startPeriod(org, "sub:oct", new BillingPeriod(Instant.parse("2026-10-10T00:00:00Z"), NOV_10));

		Balance balance = ledger.balance(org);
		assertThat(balance.period()).isEqualTo(new BillingPeriod(NOV_10, dec10));
		assertThat(balance.usedInPeriod()).isEqualTo(c("20"));
	}

	@Test
	void anOrgsOwnThresholdsReplaceTheDefaultsAndANewlyPassedOneFiresWithTheNextCharge() {
		OrgId org = fx.org("UTC");
		ledger.recordUsage(org, List.of(usage("u1", "60")), false);
		assertThat(thresholds(org)).isEmpty();

		ledger.setAlertThresholds(org, List.of(80, 50, 50));
		assertThat(ledger.alertThresholds(org)).containsExactly(50, 80);
		ledger.recordUsage(org, List.of(usage("u2", "5")), false);
		assertThat(thresholds(org)).containsExactly(50);
		ledger.recordUsage(org, List.of(usage("u3", "10")), false);
		assertThat(thresholds(org)).containsExactlyInAnyOrder(50);
		ledger.recordUsage(org, List.of(usage("u4", "6")), false);
		assertThat(thresholds(org)).containsExactlyInAnyOrder(50, 80);

		assertThatThrownBy(() -> ledger.setAlertThresholds(org, List.of(0, 50))).isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> ledger.setAlertThresholds(org, List.of(10, 20, 30, 40, 50, 60)))
			.isInstanceOf(ProblemException.class);
		ledger.setAlertThresholds(org, List.of());
		assertThat(ledger.alertThresholds(org)).containsExactly(70, 90, 100);
	}

	@Test
	void calendarPeriodFollowsTheOrgTimeZoneAcrossDaylightSaving() {
		LedgerFixture berlin = new LedgerFixture(Instant.parse("2026-10-15T12:00:00Z"), Credits.of(100));
		OrgId org = berlin.org("Europe/Berlin");
		Balance balance = berlin.ledger.balance(org);
		assertThat(balance.period().start()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
		assertThat(balance.period().end()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
	}

	@Test
	void idempotencyKeysArePerOrgAndForever() {
		OrgId a = fx.org("UTC");
		OrgId b = fx.org("UTC");
		assertThat(ledger.recordUsage(a, List.of(usage("k1", "1")), false).get(0).status())
			.isEqualTo(UsageOutcome.Status.RECORDED);
		assertThat(ledger.recordUsage(b, List.of(usage("k1", "1")), false).get(0).status())
			.isEqualTo(UsageOutcome.Status.RECORDED);
		fx.clock.advance(Duration.ofDays(400));
		assertThat(ledger.recordUsage(a, List.of(usage("k1", "1")), false).get(0).status())
			.isEqualTo(UsageOutcome.Status.DUPLICATE);
		assertThat(ledger.recordUsage(a, List.of(usage("k1", "2")), false).get(0).status())
			.isEqualTo(UsageOutcome.Status.CONFLICT);
		assertThat(ledger.balance(a).available()).isEqualTo(c("99"));
	}

	@Test
	void projectedExhaustionFiresOnceNamingTheDate() {
		LedgerFixture month = new LedgerFixture(Instant.parse("2026-11-01T00:00:00Z"), Credits.of(400));
		OrgId org = month.org("UTC");
		month.ledger.balance(org);
		month.clock.set(Instant.parse("2026-11-11T00:00:00Z"));
		month.ledger.recordUsage(org, List.of(usage("u", "300")), false);
		List<Alert> alerts = month.ledger.alerts(org, 50)
			.stream()
			.filter(alert -> alert.type() == Alert.AlertType.PROJECTED_EXHAUSTION)
			.toList();
		// 300 used in 10 days is 30 a day; 100 left lasts 3.33 days: day 13.33 of the
		// period.
		assertThat(alerts).singleElement()
			.satisfies(alert -> assertThat(alert.details().get("projectedExhaustionAt"))
				.isEqualTo("2026-11-14T08:00:00Z"));
		month.ledger.recordUsage(org, List.of(usage("w", "1")), false);
		assertThat(month.ledger.alerts(org, 50))
			.filteredOn(alert -> alert.type() == Alert.AlertType.PROJECTED_EXHAUSTION)
			.hasSize(1);
	}

	@Test
	void replayingTheLedgerGivesTheCurrentBalances() {
		OrgId org = teamPlanWithAllowanceUsed(CapMode.HARD);
		Reservation hold = ledger.reserve(org, "j", c("10"), null, Duration.ofMinutes(1));
		ledger.recordUsage(org, List.of(usage("x", "250")), false);
		ledger.commit(org, hold.id(), c("12"));
		assertThat(ledger.verify(org).consistent()).isTrue();
		assertThat(ledger.verify(org).differences()).isEmpty();
	}

}
