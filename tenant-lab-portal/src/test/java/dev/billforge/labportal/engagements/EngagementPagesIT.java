package dev.billforge.labportal.engagements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.billforge.labportal.LabPortalApplication;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.LocalAccountsTestSupport;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * The engagement pages as the client's reviewer, the consultant and a stranger use them,
 * signed in through the real local-account forms: each sees only the steps their role
 * allows, and the server refuses the others whatever is posted.
 */
@BillforgeIntegrationTest(classes = LabPortalApplication.class)
@AutoConfigureMockMvc
@Import(EngagementPagesIT.Config.class)
class EngagementPagesIT {

	private static final String PASSWORD = "correct horse battery";

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	CreditLedger ledger;

	OrgId org;

	MockHttpSession reviewer;

	MockHttpSession consultant;

	@BeforeEach
	void clientOrgWithReviewerAndConsultant() throws Exception {
		org = orgs.create("Client Lab", ZoneId.of("Europe/Berlin")).id();
		String rita = "rita-" + org.value() + "@client.test";
		String carl = "carl-" + org.value() + "@consulting.test";
		reviewer = LocalAccountsTestSupport.signUpAndSignIn(mvc, notifications, rita, PASSWORD);
		consultant = LocalAccountsTestSupport.signUpAndSignIn(mvc, notifications, carl, PASSWORD);
		memberships.add(org, rita, Role.REVIEWER);
		memberships.add(org, carl, Role.CONSULTANT);
	}

	@Test
	void theConsultantProposesAndLogsTimeTheClientAcceptsAndApprovesTheWeek() throws Exception {
		ledger.grant(org,
				new GrantRequest("pack-" + org.value(), GrantSource.PACK, Credits.of(3000), null, null, "pack", null));
		assertThat(page(consultant, "/engagements")).contains("href=\"/engagements\">Engagements</a>",
				"No engagements yet");

		MvcResult proposed = send(consultant, "/engagements",
				post("/engagements").param("title", "LIMS <migration>").param("estimatedHours", "10"));
		String path = proposed.getResponse().getRedirectedUrl();
		assertThat(path).startsWith("/engagements/eng_");
		assertThat(page(consultant, path)).contains("LIMS &lt;migration&gt;", "Proposed").doesNotContain("/accept\"");

		// The consultant's post is refused on the server, whatever the page offers.
		assertThat(send(consultant, path, post(path + "/accept")).getResponse().getStatus()).isEqualTo(403);
		assertThat(ledger.balance(org).held()).isEqualTo(Credits.ZERO);

		assertThat(page(reviewer, path)).contains(path + "/accept\"", "Accept and hold the estimate");
		assertThat(send(reviewer, path, post(path + "/accept")).getResponse().getRedirectedUrl()).isEqualTo(path);
		assertThat(ledger.balance(org).held()).isEqualTo(Credits.of(1500));

		assertThat(page(consultant, path + "/time")).contains("Log time", "name=\"hours\"");
		assertThat(send(consultant, path + "/time",
				post(path + "/time").param("date", "2026-11-17").param("hours", "3").param("note", "schema review"))
			.getResponse()
			.getRedirectedUrl()).isEqualTo(path + "/time?logged");
		assertThat(
				send(consultant, path + "/time", post(path + "/time").param("date", "2026-11-18").param("hours", "20"))
					.getResponse()
					.getStatus())
			.isEqualTo(409); // past the estimate: needs a change

		// Only the client approves time; consultants never reach the approval page or its
		// action.
		assertThat(mvc.perform(get(path + "/approval").session(consultant)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(
				send(consultant, path, post(path + "/approval").param("week", "2026-11-16")).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(get(path + "/time").session(reviewer)).andReturn().getResponse().getStatus())
			.isEqualTo(403);

		assertThat(page(reviewer, path + "/approval")).contains("Week of 2026-11-16", "schema review",
				"Approve 3.00 hours");
		assertThat(
				send(reviewer, path + "/approval", post(path + "/approval").param("week", "2026-11-16")).getResponse()
					.getRedirectedUrl())
			.isEqualTo(path + "/approval?approved");
		assertThat(page(reviewer, path + "/approval")).contains("No time awaits approval");
		assertThat(page(reviewer, path)).contains("<dd class=\"engagement-charged\">450</dd>",
				"<dd class=\"engagement-held\">1050</dd>", "<dd class=\"engagement-approved\">3.00</dd>");
		assertThat(page(consultant, "/engagements")).contains("LIMS &lt;migration&gt;", "450", "1050");
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(1500));
	}

	@Test
	void acceptingWithoutCreditsShowsTheBuyPageAndAnotherOrgGetsNotFound() throws Exception {
		MvcResult proposed = send(consultant, "/engagements",
				post("/engagements").param("title", "Sample audit 4711").param("estimatedHours", "2"));
		String path = proposed.getResponse().getRedirectedUrl();

		MvcResult refused = send(reviewer, path, post(path + "/accept"));
		assertThat(refused.getResponse().getStatus()).isEqualTo(402);
		assertThat(refused.getResponse().getContentAsString()).contains("Buy credits or upgrade your plan");

		OrgId other = orgs.create("Other Lab", ZoneId.of("UTC")).id();
		String sam = "sam-" + other.value() + "@other.test";
		MockHttpSession stranger = LocalAccountsTestSupport.signUpAndSignIn(mvc, notifications, sam, PASSWORD);
		memberships.add(other, sam, Role.OWNER);
		assertThat(mvc.perform(get(path).session(stranger)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(send(stranger, "/engagements", post(path + "/accept")).getResponse().getStatus()).isEqualTo(404);
		assertThat(page(stranger, "/engagements")).doesNotContain("4711");
	}

	@Test
	void thePagesSpeakGerman() throws Exception {
		assertThat(page(consultant, "/engagements?lang=de")).contains("Beratungsaufträge", "Auftrag vorschlagen");
	}

	private String page(MockHttpSession session, String path) throws Exception {
		MvcResult result = mvc.perform(get(path).session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** Posts a form as the browser would: with the CSRF token of the page it was on. */
	private MvcResult send(MockHttpSession session, String from, MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request.param("_csrf", LocalAccountsTestSupport.csrf(mvc, session, from)).session(session))
			.andReturn();
	}

}
