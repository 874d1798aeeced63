package dev.billforge.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.Reservation;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * A product's hold → commit job shows in the usage rollups under its operation, charged
 * once.
 */
@BillforgeIntegrationTest(
		properties = { "billforge.value-metric.free-tier=100", "billforge.value-metric.meters.page.rate=1" })
@Import(CommittedJobUsageIT.Config.class)
class CommittedJobUsageIT {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

	}

	@Autowired
	Metering metering;

	@Autowired
	CreditLedger ledger;

	@Autowired
	UsageSummaries usage;

	@Autowired
	Orgs orgs;

	private OrgId newOrg() {
		return orgs.create("Jobs Inc", ZoneId.of("UTC")).id();
	}

	private UsageSummaries.UsageSummary today(OrgId org, String groupBy) {
		Instant day = CLOCK.instant().truncatedTo(ChronoUnit.DAYS);
		return usage.usage(org, day, day.plus(Duration.ofDays(1)), false, groupBy);
	}

	@Test
	void aCommittedJobIsGroupedByItsOperationAndChargedOnceEvenWhenTheCommitIsRepeated() {
		OrgId org = newOrg();
		Reservation hold = ledger.reserve(org, "job-1", Credits.of(10), "page", Duration.ofMinutes(15));

		metering.commit(org, hold.id(), Credits.of(4), Map.of("operation", "extract", "not-rolled-up", "x"));
		// A retry (e.g. after a timeout) with other labels: the first commit and its
		// labels stand.
		metering.commit(org, hold.id(), Credits.of(4), Map.of("operation", "summarise"));

		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(96));
		UsageSummaries.UsageSummary byOperation = today(org, "operation");
		assertThat(byOperation.total()).isEqualTo(Credits.of(4));
		assertThat(byOperation.buckets()).singleElement()
			.satisfies(bucket -> assertThat(bucket.credits()).containsExactly(Map.entry("extract", Credits.of(4))));
		assertThat(today(org, "meter").total()).isEqualTo(Credits.of(4));
		// A property the rollups do not keep: all of the usage lacks it, so all of it is
		// "none".
		assertThat(today(org, "not-rolled-up").buckets()).singleElement()
			.satisfies(bucket -> assertThat(bucket.credits()).containsExactly(Map.entry("none", Credits.of(4))));
	}

	@Test
	void jobsAndUsageEventsStackByOperationSideBySide() {
		OrgId org = newOrg();
		Reservation hold = ledger.reserve(org, "job-2", Credits.of(5), "page", Duration.ofMinutes(15));
		metering.commit(org, hold.id(), Credits.of(5), Map.of("operation", "extract"));
		metering.record(org, java.util.List.of(new UsageEvent("evt-1", "page", new java.math.BigDecimal("2"),
				CLOCK.instant(), Map.of("operation", "classify"))), false);
		Reservation unlabelled = ledger.reserve(org, "job-3", Credits.of(1), "page", Duration.ofMinutes(15));
		ledger.commit(org, unlabelled.id(), Credits.of(1));

		UsageSummaries.UsageSummary byOperation = today(org, "operation");
		assertThat(byOperation.buckets()).singleElement()
			.satisfies(bucket -> assertThat(bucket.credits()).containsOnly(Map.entry("extract", Credits.of(5)),
					Map.entry("classify", Credits.of(2)), Map.entry("none", Credits.of(1))));
		assertThat(byOperation.total()).isEqualTo(Credits.of(8));
		assertThat(today(org, "meter").total()).isEqualTo(Credits.of(8));
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(92));
	}

}
