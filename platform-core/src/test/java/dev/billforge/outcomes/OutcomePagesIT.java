package dev.billforge.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.valuemetric.Credits;

/**
 * The review queue and an outcome's page as the client's reviewer, its consultant and a
 * stranger see them.
 */
@BillforgeIntegrationTest(properties = { "billforge.value-metric.free-tier=0",
		"billforge.outcomes.types.lab_report.fee=500", "billforge.outcomes.types.lab_report.approver-role=reviewer" })
@AutoConfigureMockMvc
class OutcomePagesIT {

	static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	@Autowired
	MockMvc mvc;

	@Autowired
	Outcomes outcomes;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	CreditLedger ledger;

	OrgId org;

	String reviewer;

	String consultant;

	@BeforeEach
	void clientOrg() {
		org = orgs.create("Client Lab", ZoneId.of("Europe/Berlin")).id();
		reviewer = "rita-" + org.value() + "@client.test";
		consultant = "carl-" + org.value() + "@consulting.test";
		memberships.add(org, reviewer, Role.REVIEWER);
		memberships.add(org, consultant, Role.CONSULTANT);
		outcomes.propose(org, new OutcomeCandidate("rep-1", "lab_report", "Report <b>4711</b>",
				new Evidence("https://lab.example/rep-1.pdf", SHA, "CBC"), null), new Actor("svc", null));
	}

	@Test
	void aReviewerApprovesFromTheQueueAndDisputesWithAReasonThatLandsInTheAuditTrail() throws Exception {
		ledger.grant(org,
				new GrantRequest("pack-" + org, GrantSource.PACK, Credits.of(1000), null, null, "pack", null));
		mvc.perform(get("/outcomes").with(user(reviewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Report &lt;b&gt;4711&lt;/b&gt;")))
			.andExpect(content().string(containsString("href=\"https://lab.example/rep-1.pdf\"")))
			.andExpect(content().string(containsString("href=\"/outcomes\"")))
			.andExpect(content().string(containsString("/outcomes/rep-1/approve")));

		mvc.perform(post("/outcomes/rep-1/approve").with(user(reviewer)).with(csrf()))
			.andExpect(redirectedUrl("/outcomes/rep-1"));
		assertThat(ledger.balance(org).held()).isEqualTo(Credits.of(500));

		mvc.perform(post("/outcomes/rep-1/dispute").param("reason", "wrong sample").with(user(reviewer)).with(csrf()))
			.andExpect(redirectedUrl("/outcomes/rep-1"));
		mvc.perform(get("/outcomes/rep-1").with(user(reviewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("wrong sample")))
			.andExpect(content().string(containsString(SHA)))
			.andExpect(content().string(containsString(reviewer)));
		mvc.perform(get("/outcomes/rep-1/audit.csv").with(user(reviewer)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().string(containsString("\"approved\",\"disputed\"")));
		assertThat(outcomes.find(org, "rep-1").orElseThrow().status()).isEqualTo(OutcomeStatus.DISPUTED);
	}

	@Test
	void aConsultantCannotApproveAndSeesWhy() throws Exception {
		ledger.grant(org,
				new GrantRequest("pack-" + org, GrantSource.PACK, Credits.of(1000), null, null, "pack", null));
		mvc.perform(get("/outcomes/rep-1").with(user(consultant)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/outcomes/rep-1/approve"))));
		mvc.perform(post("/outcomes/rep-1/approve").with(user(consultant)).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("needs a member with the role reviewer")));
		assertThat(outcomes.find(org, "rep-1").orElseThrow().status()).isEqualTo(OutcomeStatus.PROPOSED);
		assertThat(ledger.balance(org).held()).isEqualTo(Credits.ZERO);
	}

	@Test
	void approvingWithoutCreditsShowsTheBuyOrUpgradePage() throws Exception {
		mvc.perform(post("/outcomes/rep-1/approve").with(user(reviewer)).with(csrf()))
			.andExpect(status().isPaymentRequired())
			.andExpect(content().string(containsString("Buy credits or upgrade your plan")));
		assertThat(outcomes.find(org, "rep-1").orElseThrow().status()).isEqualTo(OutcomeStatus.PROPOSED);
	}

	@Test
	void anotherOrgsMemberGetsNotFound() throws Exception {
		OrgId other = orgs.create("Other Lab", ZoneId.of("UTC")).id();
		String stranger = "sam-" + other.value() + "@other.test";
		memberships.add(other, stranger, Role.OWNER);
		mvc.perform(get("/outcomes/rep-1").with(user(stranger))).andExpect(status().isNotFound());
		mvc.perform(post("/outcomes/rep-1/approve").with(user(stranger)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/outcomes").with(user(stranger)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("4711"))));
		assertThat(outcomes.find(org, "rep-1").orElseThrow().status()).isEqualTo(OutcomeStatus.PROPOSED);
	}

}
