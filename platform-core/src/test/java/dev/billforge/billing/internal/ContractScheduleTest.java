package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.billforge.ledger.BillingPeriod;

class ContractScheduleTest {

	private static final ZoneId UTC = ZoneId.of("UTC");

	@Test
	void monthlyPeriodsAnchoredOnThe31stDoNotDrift() {
		ContractSchedule schedule = new ContractSchedule("month", 1, Instant.parse("2026-01-31T00:00:00Z"), UTC);
		assertThat(schedule.periodAt(Instant.parse("2026-02-15T00:00:00Z")))
			.contains(new BillingPeriod(Instant.parse("2026-01-31T00:00:00Z"), Instant.parse("2026-02-28T00:00:00Z")));
		assertThat(schedule.periodAt(Instant.parse("2026-03-30T12:00:00Z")))
			.contains(new BillingPeriod(Instant.parse("2026-02-28T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z")));
		assertThat(schedule.periodAt(Instant.parse("2026-03-31T00:00:00Z")).orElseThrow().start())
			.as("a period starts exactly at its start")
			.isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
	}

	@Test
	void nothingIsDueBeforeTheAnchor() {
		ContractSchedule schedule = new ContractSchedule("year", 1, Instant.parse("2027-01-01T00:00:00Z"), UTC);
		assertThat(schedule.periodAt(Instant.parse("2026-12-31T23:59:59Z"))).isEmpty();
	}

	@Test
	void quarterlyPeriodsFarFromTheAnchorAndLocalMidnightAcrossDaylightSaving() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		ContractSchedule quarterly = new ContractSchedule("month", 3, Instant.parse("2020-01-01T00:00:00Z"), UTC);
		assertThat(quarterly.periodAt(Instant.parse("2026-05-20T00:00:00Z")))
			.contains(new BillingPeriod(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z")));
		// Midnight in Berlin is 23:00Z in winter and 22:00Z in summer.
		ContractSchedule weekly = new ContractSchedule("week", 2, Instant.parse("2026-03-15T23:00:00Z"), berlin);
		assertThat(weekly.periodAt(Instant.parse("2026-04-01T00:00:00Z")))
			.contains(new BillingPeriod(Instant.parse("2026-03-29T22:00:00Z"), Instant.parse("2026-04-12T22:00:00Z")));
	}

}
