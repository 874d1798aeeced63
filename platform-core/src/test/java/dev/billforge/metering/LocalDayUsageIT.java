package dev.billforge.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * Usage near midnight lands on the org's local day, in a zone behind UTC (Los Angeles)
 * and in one with a half-hour offset (Kolkata, where local midnight cuts a UTC hour in
 * two) — in the summaries and on the dashboard.
 */
@BillforgeIntegrationTest(
		properties = { "billforge.value-metric.free-tier=1000", "billforge.value-metric.meters.page.rate=1" })
@AutoConfigureMockMvc
@Import(LocalDayUsageIT.Config.class)
class LocalDayUsageIT {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));

	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

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
	UsageSummaries usage;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	MockMvc mvc;

	private void use(OrgId org, String key, int pages, String at) {
		metering.record(org, List
			.of(new UsageEvent(key, "page", BigDecimal.valueOf(pages), Instant.parse(at), Map.of("operation", "ocr"))),
				false);
	}

	/** Credits per local day of the org's zone, 14–17 November. */
	private Map<LocalDate, Credits> days(OrgId org, ZoneId zone, String groupBy) {
		Instant from = LocalDate.parse("2026-11-14").atStartOfDay(zone).toInstant();
		Instant to = LocalDate.parse("2026-11-18").atStartOfDay(zone).toInstant();
		Map<LocalDate, Credits> days = new LinkedHashMap<>();
		for (UsageSummaries.UsageBucket bucket : usage.usageByDay(org, from, to, zone, groupBy).buckets()) {
			assertThat(bucket.start())
				.isEqualTo(LocalDate.ofInstant(bucket.start(), zone).atStartOfDay(zone).toInstant());
			days.put(LocalDate.ofInstant(bucket.start(), zone), bucket.total());
		}
		return days;
	}

	@Test
	void losAngelesUsageJustBeforeAndAfterLocalMidnightLandsOnTwoLocalDays() {
		OrgId org = orgs.create("Pacific Pages", LOS_ANGELES).id();
		use(org, "la-late", 3, "2026-11-16T07:50:00Z"); // 15 Nov 23:50 PST, but 16 Nov in
														// UTC
		use(org, "la-early", 5, "2026-11-16T08:10:00Z"); // 16 Nov 00:10 PST

		assertThat(days(org, LOS_ANGELES, "meter")).containsExactly(
				Map.entry(LocalDate.parse("2026-11-15"), Credits.of(3)),
				Map.entry(LocalDate.parse("2026-11-16"), Credits.of(5)));
		assertThat(days(org, LOS_ANGELES, "operation")).containsExactly(
				Map.entry(LocalDate.parse("2026-11-15"), Credits.of(3)),
				Map.entry(LocalDate.parse("2026-11-16"), Credits.of(5)));
	}

	@Test
	void kolkataUsageInTheUtcHourThatLocalMidnightCutsIsSplitBetweenTheTwoDays() {
		OrgId org = orgs.create("Mumbai Scans", KOLKATA).id();
		use(org, "in-late", 2, "2026-11-15T18:20:00Z"); // 15 Nov 23:50 IST
		use(org, "in-early", 7, "2026-11-15T18:40:00Z"); // 16 Nov 00:10 IST — the same
															// UTC hour
		use(org, "in-noon", 1, "2026-11-16T06:30:00Z"); // 16 Nov 12:00 IST

		assertThat(days(org, KOLKATA, "meter")).containsExactly(Map.entry(LocalDate.parse("2026-11-15"), Credits.of(2)),
				Map.entry(LocalDate.parse("2026-11-16"), Credits.of(8)));
		assertThat(days(org, KOLKATA, "operation")).containsExactly(
				Map.entry(LocalDate.parse("2026-11-15"), Credits.of(2)),
				Map.entry(LocalDate.parse("2026-11-16"), Credits.of(8)));

		// One local day starting at 18:30 UTC: only its half of the cut hour counts.
		Instant from = LocalDate.parse("2026-11-16").atStartOfDay(KOLKATA).toInstant();
		assertThat(usage.usageByDay(org, from, from.plusSeconds(86_400), KOLKATA, "meter").total())
			.isEqualTo(Credits.of(8));
	}

	@Test
	void theDashboardShowsTheOrgsLocalDays() throws Exception {
		OrgId org = orgs.create("Dashboard Kolkata", KOLKATA).id();
		memberships.add(org, "owner@kolkata.example", Role.OWNER);
		use(org, "d-late", 2, "2026-11-15T18:20:00Z");
		use(org, "d-early", 7, "2026-11-15T18:40:00Z");

		String page = mvc
			.perform(get("/").param("range", "custom")
				.param("from", "2026-11-15")
				.param("to", "2026-11-16")
				.with(user("owner@kolkata.example")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page.replaceAll("\\s+", " ")).contains("<th scope=\"row\">2026-11-15</th> <td>2</td>")
			.contains("<th scope=\"row\">2026-11-16</th> <td>7</td>")
			.contains("(days in Asia/Kolkata)");
	}

}
