package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.billforge.billing.BillingConsole;
import dev.billforge.billing.StripeEventRecord;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.web.BillingLinks;
import dev.billforge.ledger.EntryType;
import dev.billforge.operator.AuditEntry;
import dev.billforge.operator.AuditLog;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.accounts.Accounts;
import dev.billforge.notifications.Notifications;
import dev.billforge.testsupport.LocalAccountsTestSupport;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's billing tools: enterprise contracts through the operator API and console
 * (allowance per period granted once, however often the job runs), the per-org Stripe
 * event log with replay, and the catalog page — and that nobody but an operator reaches
 * them.
 */
@BillingIntegrationTest(properties = { "billforge.api.operator-token=" + OperatorBillingIT.TOKEN,
		"billforge.notifications.dispatch-interval=PT1H" })
@AutoConfigureMockMvc
class OperatorBillingIT {

	static final String TOKEN = "op-token-billing-0123456789abcdef0123456789";

	static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Notifications notifications;

	@Autowired
	MutableClock clock;

	@Autowired
	EmulatorSteps emulator;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	AuditLog audit;

	@Autowired
	BillingJobs jobs;

	@Autowired
	BillingConsole console;

	@Autowired
	StripeBackend backend;

	@Autowired
	JsonMapper json;

	@Autowired
	BillingLinks billingPage;

	@BeforeEach
	void reset() {
		clock.set(START);
	}

	@Test
	void anEnterpriseContractGrantsEachPeriodOnceWhateverHowOftenTheJobRunsAndCanEnd() throws Exception {
		Org org = orgs.create("Enterprise Co " + System.nanoTime(), ZoneId.of("UTC"));
		String key = orgs.createApiKey(org.id(), "test").key();
		String path = "/api/v1/operator/orgs/" + org.id().value() + "/contract";

		assertThat(api(put(path), TOKEN, "{\"name\":\"MSA\",\"creditsPerPeriod\":50000}", 400).get("field").asString())
			.isEqualTo("reason");
		assertThat(
				api(put(path), TOKEN, "{\"name\":\"MSA\",\"creditsPerPeriod\":-5,\"reason\":\"x\"}", 400).get("field")
					.asString())
			.isEqualTo("creditsPerPeriod");
		assertThat(api(put(path), TOKEN,
				"{\"name\":\"MSA\",\"creditsPerPeriod\":5,\"interval\":\"fortnight\",\"reason\":\"x\"}", 400)
			.get("field")
			.asString()).isEqualTo("interval");
		api(put(path), key, "{\"name\":\"MSA\",\"creditsPerPeriod\":5,\"reason\":\"x\"}", 403);
		api(put("/api/v1/operator/orgs/org_00000000000000000000000000000000/contract"), TOKEN,
				"{\"name\":\"MSA\",\"creditsPerPeriod\":5,\"reason\":\"x\"}", 404);
		assertThat(contractGrants(org)).as("nothing half-applied by rejected requests").isZero();

		JsonNode contract = api(put(path), TOKEN,
				"{\"name\":\"Acme MSA 2026\",\"creditsPerPeriod\":50000,\"interval\":\"month\"," + "\"anchor\":\""
						+ START
						+ "\",\"overageAllowed\":true,\"cap\":1000,\"capMode\":\"hard\",\"reason\":\"signed MSA\"}",
				200);
		assertThat(contract.get("status").asString()).isEqualTo("active");
		assertThat(contract.get("currentPeriodStart").asString()).isEqualTo(START.toString());
		assertThat(ledger.balance(org.id()).available()).as("free tier + the first period's allowance, at once")
			.isEqualTo(Credits.of(50100));
		assertThat(ledger.balance(org.id()).overageAllowed()).isTrue();
		assertThat(ledger.balance(org.id()).cap().credits()).isEqualTo(Credits.of(1000));

		assertThat(jobs.runContractAllowances()).as("already granted when the contract was put").isZero();
		assertThat(jobs.runContractAllowances()).isZero();
		assertThat(contractGrants(org)).isEqualTo(1);
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(50100));

		// The org sees its plan; it cannot buy a Stripe plan on top, and the schedule is
		// fixed while active.
		JsonNode seen = api(get("/api/v1/billing/subscription"), key, null, 200);
		assertThat(seen.get("contract").get("name").asString()).isEqualTo("Acme MSA 2026");
		assertThat(seen.get("contract").get("creditsPerPeriod").asString()).isEqualTo("50000");
		assertThat(billingPage.plan(org.id())).as("the billing page names the contract as the plan")
			.isEqualTo(new BillingLinks.PlanStatus("Acme MSA 2026", "active"));
		assertThat(api(post("/api/v1/billing/checkout-sessions"), key, "{\"lookupKey\":\"test_team_monthly\"}", 409)
			.get("code")
			.asString()).isEqualTo("on_contract");
		assertThat(
				api(put(path), TOKEN,
						"{\"name\":\"Acme MSA 2026\",\"creditsPerPeriod\":50000,\"anchor\":\""
								+ START.plus(Duration.ofDays(3)) + "\",\"reason\":\"move\"}",
						409)
					.get("code")
					.asString())
			.isEqualTo("contract_schedule_fixed");
		JsonNode raised = api(put(path), TOKEN,
				"{\"name\":\"Acme MSA 2026\",\"creditsPerPeriod\":60000,\"overageAllowed\":true,\"reason\":\"upsell\"}",
				200);
		assertThat(raised.get("interval").asString()).isEqualTo("month");
		assertThat(raised.get("anchor").asString()).isEqualTo(START.toString());
		assertThat(contractGrants(org)).as("the current period keeps its grant; new terms apply from the next")
			.isEqualTo(1);
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(50100));

		// The next period: the job grants it once, however often it runs.
		clock.set(START.atZone(ZoneId.of("UTC")).plusMonths(1).toInstant().plusSeconds(5));
		assertThat(jobs.runContractAllowances()).isEqualTo(1);
		assertThat(jobs.runContractAllowances()).isZero();
		assertThat(contractGrants(org)).isEqualTo(2);
		assertThat(ledger.entries(org.id(), null, 200)
			.entries()
			.stream()
			.filter(e -> e.type() == EntryType.GRANT && e.opKey() != null && e.opKey().startsWith("grant:contract:"))
			.map(e -> e.credits())).containsExactlyInAnyOrder(Credits.of(50000), Credits.of(60000));

		JsonNode ended = api(delete(path).param("reason", "contract not renewed"), TOKEN, null, 200);
		assertThat(ended.get("status").asString()).isEqualTo("ended");
		assertThat(billingPage.plan(org.id()).planName()).isNull();
		api(delete(path).param("reason", "again"), TOKEN, null, 404);
		clock.set(START.atZone(ZoneId.of("UTC")).plusMonths(2).toInstant().plusSeconds(5));
		assertThat(jobs.runContractAllowances()).isZero();
		assertThat(contractGrants(org)).as("no allowance after the end").isEqualTo(2);
		assertThat(ledger.balance(org.id()).overageAllowed()).isFalse();

		List<AuditEntry> entries = audit.forOrg(org.id(), 10);
		assertThat(entries).extracting(AuditEntry::action)
			.containsExactlyInAnyOrder("contract.put", "contract.put", "contract.end");
		assertThat(entries).extracting(AuditEntry::actor).containsOnly("operator-api");
		assertThat(entries).extracting(AuditEntry::reason).contains("signed MSA", "upsell", "contract not renewed");
	}

	@Test
	void theConsoleManagesAContractWithAReasonAndShowsIt() throws Exception {
		MockHttpSession ops = operator("ops@example.test");
		Org org = orgs.create("Console Enterprise " + System.nanoTime(), ZoneId.of("Europe/Berlin"));
		String page = "/operator/orgs/" + org.id().value();
		mvc.perform(post(page + "/contract").param("name", "Console MSA")
			.param("credits", "2500")
			.param("reason", "")
			.param("requestId", "c0")
			.with(csrf())
			.session(ops)).andExpect(redirectedUrl(page));
		assertThat(contractGrants(org)).as("no reason, no contract").isZero();
		mvc.perform(post(page + "/contract").param("name", "Console MSA")
			.param("credits", "lots")
			.param("reason", "deal")
			.param("requestId", "c1")
			.with(csrf())
			.session(ops)).andExpect(redirectedUrl(page));
		assertThat(contractGrants(org)).isZero();
		for (int i = 0; i < 2; i++) { // a repeated post is one contract, one grant, one
										// audit entry
			mvc.perform(post(page + "/contract").param("name", "Console MSA")
				.param("credits", "2500")
				.param("interval", "month")
				.param("intervalCount", "1")
				.param("reason", "signed order form")
				.param("requestId", "c2")
				.with(csrf())
				.session(ops)).andExpect(redirectedUrl(page));
		}
		assertThat(contractGrants(org)).isEqualTo(1);
		assertThat(audit.forOrg(org.id(), 10)).hasSize(1);
		String html = page(get(page), ops);
		assertThat(html).contains("Console MSA").contains("Enterprise contract").contains("End contract now");
		mvc.perform(post(page + "/contract/end").param("reason", "terminated")
			.param("requestId", "e1")
			.with(csrf())
			.session(ops)).andExpect(redirectedUrl(page));
		assertThat(page(get(page), ops)).contains("Ended");
		assertThat(audit.forOrg(org.id(), 10)).extracting(AuditEntry::action).contains("contract.end");
	}

	@Test
	void nonOperatorsReachNeitherTheEventLogNorReplayNorTheCatalog() throws Exception {
		Org org = orgs.create("Private Co " + System.nanoTime(), ZoneId.of("UTC"));
		MockHttpSession member = signUpAndSignIn("member" + System.nanoTime() + "@acme.test");
		mvc.perform(
				post("/onboarding").param("name", "Member Co").param("timeZone", "UTC").with(csrf()).session(member))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/operator/catalog").session(member)).andExpect(status().isForbidden());
		mvc.perform(get("/operator/orgs/" + org.id().value()).session(member)).andExpect(status().isForbidden());
		mvc.perform(
				post("/operator/orgs/" + org.id().value() + "/stripe-events/evt_x/replay").with(csrf()).session(member))
			.andExpect(status().isForbidden());
		mvc.perform(post("/operator/orgs/" + org.id().value() + "/contract").param("name", "x")
			.param("credits", "1")
			.param("reason", "x")
			.param("requestId", "m1")
			.with(csrf())
			.session(member)).andExpect(status().isForbidden());
		mvc.perform(get("/operator/catalog")).andExpect(status().is3xxRedirection());
		String key = orgs.createApiKey(org.id(), "test").key();
		api(get("/api/v1/operator/orgs/" + org.id().value() + "/stripe-events"), key, null, 403);
		api(post("/api/v1/operator/orgs/" + org.id().value() + "/stripe-events/evt_x/replay"), key,
				"{\"reason\":\"x\"}", 403);
		assertThat(contractGrants(org)).isZero();
	}

	@Test
	void theEventLogShowsAnOrgsStripeEventsAndReplayingAProcessedOneChangesNoCredits() throws Exception {
		MockHttpSession ops = operator("ops@example.test");
		Org org = orgs.create("Pack Buyer " + System.nanoTime(), ZoneId.of("UTC"));
		String key = orgs.createApiKey(org.id(), "test").key();
		String session = api(post("/api/v1/billing/checkout-sessions"), key,
				"{\"lookupKey\":\"test_pack_1000\",\"quantity\":1}", 201)
			.get("id")
			.asString();
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		emulator.completeCheckout(session, "card_success");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(1100));

		List<StripeEventRecord> events = console.events(org.id(), 50);
		StripeEventRecord completed = events.stream()
			.filter(e -> e.type().equals("checkout.session.completed"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no checkout.session.completed in " + events));
		assertThat(completed.status()).isEqualTo("processed");
		String page = "/operator/orgs/" + org.id().value();
		assertThat(page(get(page), ops)).contains(completed.id())
			.contains("checkout.session.completed")
			.contains("Replay");

		for (int i = 0; i < 2; i++) {
			mvc.perform(post(page + "/stripe-events/" + completed.id() + "/replay").with(csrf()).session(ops))
				.andExpect(redirectedUrl(page));
		}
		JsonNode replayed = api(
				post("/api/v1/operator/orgs/" + org.id().value() + "/stripe-events/" + completed.id() + "/replay"),
				TOKEN, "{\"reason\":\"support ticket 42\"}", 200);
		assertThat(replayed.get("status").asString()).isEqualTo("processed");
		assertThat(ledger.balance(org.id()).available()).as("replays change no credits").isEqualTo(Credits.of(1100));
		assertThat(audit.forOrg(org.id(), 10)).extracting(AuditEntry::action)
			.containsExactly("stripe_event.replay", "stripe_event.replay", "stripe_event.replay");

		// Another org's event is not this org's to replay; unknown events are 404.
		Org other = orgs.create("Other Co " + System.nanoTime(), ZoneId.of("UTC"));
		mvc.perform(post("/operator/orgs/" + other.id().value() + "/stripe-events/" + completed.id() + "/replay")
			.with(csrf())
			.session(ops)).andExpect(status().isNotFound());
		api(post("/api/v1/operator/orgs/" + org.id().value() + "/stripe-events/evt_nope/replay"), TOKEN,
				"{\"reason\":\"x\"}", 404);
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(1100));

		String catalog = page(get("/operator/catalog"), ops);
		assertThat(catalog).contains("test_pack_1000").contains("test_team_monthly").contains("15000");
	}

	// --- helpers ---

	private long contractGrants(Org org) {
		return ledger.entries(org.id(), null, 200)
			.entries()
			.stream()
			.filter(e -> e.type() == EntryType.GRANT && e.opKey() != null && e.opKey().startsWith("grant:contract:"))
			.count();
	}

	private JsonNode api(MockHttpServletRequestBuilder request, String token, String body, int expected)
			throws Exception {
		request.header("Authorization", "Bearer " + token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		MvcResult result = mvc.perform(request).andReturn();
		String text = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).as(text).isEqualTo(expected);
		if (expected >= 400) {
			assertThat(result.getResponse().getContentType()).contains("application/problem+json");
		}
		return text.isEmpty() ? json.readTree("{}") : json.readTree(text);
	}

	private MockHttpSession operator(String email) throws Exception {
		// The link the operator command prints (and mails): an earlier test may have
		// mailed an older one.
		LocalAccountsTestSupport.setPasswordByLink(mvc, accounts.createOperator(email).setPasswordLink(), PASSWORD);
		return signIn(email);
	}

	private MockHttpSession signUpAndSignIn(String email) throws Exception {
		mvc.perform(post("/signup").param("email", email).param("password", PASSWORD).with(csrf()));
		LocalAccountsTestSupport.confirmAddress(mvc, notifications, email, null);
		return signIn(email);
	}

	private MockHttpSession signIn(String email) throws Exception {
		MvcResult result = mvc.perform(post("/login").param("username", email).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession();
	}

	private String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		return mvc.perform(request.session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
