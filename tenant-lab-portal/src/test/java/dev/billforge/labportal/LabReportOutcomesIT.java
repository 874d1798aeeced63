package dev.billforge.labportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.metering.UsageSummaries;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.outcomes.Actor;
import dev.billforge.outcomes.Evidence;
import dev.billforge.outcomes.OutcomeCandidate;
import dev.billforge.outcomes.OutcomeStatus;
import dev.billforge.outcomes.Outcomes;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * The Lab portal as configured: a lab report costs 500 LC, needs evidence, the client's
 * reviewer approves, 72 h window.
 */
@BillforgeIntegrationTest(classes = LabPortalApplication.class)
@Import(LabReportOutcomesIT.Config.class)
class LabReportOutcomesIT {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

	}

	@Autowired
	Outcomes outcomes;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	CreditLedger ledger;

	@Autowired
	UsageSummaries usage;

	@Test
	void aLabReportNeedsEvidenceIsApprovedByTheReviewerAndBilled500LcAfter72Hours() {
		OrgId org = orgs.create("Client Lab", ZoneId.of("Europe/Berlin")).id();
		memberships.add(org, "rita@client.test", Role.REVIEWER);
		memberships.add(org, "carl@consulting.test", Role.CONSULTANT);
		ledger.grant(org, new GrantRequest("pack-1", GrantSource.PACK, Credits.of(1500), null, null, "pack", null));
		Actor consultant = new Actor("carl", "carl@consulting.test");
		Actor reviewer = new Actor("rita", "rita@client.test");

		assertThatThrownBy(() -> outcomes.propose(org,
				new OutcomeCandidate("rep-1", "lab_report", "Report 1", null, null), consultant))
			.satisfies(ex -> assertThat(((ProblemException) ex).field()).isEqualTo("evidence"));
		outcomes.propose(org,
				new OutcomeCandidate("rep-1", "lab_report", "Report 1",
						new Evidence("https://lab.example/rep-1.pdf",
								"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", null),
						null),
				consultant);
		assertThatThrownBy(() -> outcomes.approve(org, "rep-1", consultant, null))
			.satisfies(ex -> assertThat(((ProblemException) ex).code()).isEqualTo("forbidden"));

		outcomes.approve(org, "rep-1", reviewer, null);
		assertThat(ledger.balance(org).held()).isEqualTo(Credits.of(500));
		CLOCK.advance(Duration.ofHours(72));
		outcomes.sweep();

		assertThat(outcomes.find(org, "rep-1").orElseThrow().status()).isEqualTo(OutcomeStatus.BILLED);
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(1000));
		Instant day = CLOCK.instant().truncatedTo(ChronoUnit.DAYS);
		assertThat(usage.usage(org, day.minus(Duration.ofDays(5)), day.plus(Duration.ofDays(1)), false, "outcome_type")
			.total()).isEqualTo(Credits.of(500));
	}

}
