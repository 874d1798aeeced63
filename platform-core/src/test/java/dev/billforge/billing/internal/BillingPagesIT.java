package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.FlashMap;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.stripe.StripeClient;
import com.stripe.param.checkout.SessionListParams;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.Membership;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Role;
import dev.billforge.stripe.emulator.Fault;
import dev.billforge.notifications.Notifications;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.LocalAccountsTestSupport;
import dev.billforge.valuemetric.Credits;

/**
 * The billing page's Stripe side through the web app (MockMvc) against the in-process
 * emulator: who may buy, Checkout and Portal hand-over, readable errors, plan and
 * invoices after a purchase.
 */
@BillforgeIntegrationTest(properties = { "billforge.value-metric.free-tier=100",
		"billforge.billing.catalog.location=classpath:billing-test-catalog.yml", "billforge.billing.jobs.enabled=false",
		"billforge.billing.max-network-retries=0" })
@AutoConfigureMockMvc
class BillingPagesIT {

	static final String PASSWORD = "correct horse battery";

	static final Pattern HANDOVER = Pattern.compile("http-equiv=\"refresh\" content=\"0; url=([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	Memberships memberships;

	@Autowired
	CreditLedger ledger;

	@Autowired
	StripeClient stripe;

	@Autowired
	StripeBackend backend;

	@Autowired
	MongoTemplate mongo;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void noFaults() {
		backend.emulator().clearFaults();
	}

	MockHttpSession signUpAndSignIn(String email) throws Exception {
		mvc.perform(post("/signup").param("email", email).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?registered"));
		LocalAccountsTestSupport.confirmAddress(mvc, notifications, email, null);
		MvcResult result = mvc.perform(post("/login").param("username", email).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession();
	}

	OrgId onboard(MockHttpSession session, String email, String name) throws Exception {
		mvc.perform(post("/onboarding").param("name", name).param("timeZone", "UTC").with(csrf()).session(session))
			.andExpect(redirectedUrl("/"));
		return memberships.ofPerson(email).stream().map(Membership::orgId).findFirst().orElseThrow();
	}

	String page(String path, MockHttpSession session) throws Exception {
		return mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * Posts a billing button and follows the redirect back to the billing page with its
	 * flash message.
	 */
	String postAndFollow(String path, String lookupKey, MockHttpSession session) throws Exception {
		var request = post(path).with(csrf()).session(session);
		if (lookupKey != null) {
			request.param("lookupKey", lookupKey);
		}
		MvcResult result = mvc.perform(request).andExpect(redirectedUrl("/billing")).andReturn();
		FlashMap flash = result.getFlashMap();
		return mvc.perform(get("/billing").session(session).flashAttrs(flash))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * Posts a billing button that hands over to Stripe; returns the Stripe URL the page
	 * navigates to.
	 */
	String handOver(String path, String lookupKey, MockHttpSession session) throws Exception {
		var request = post(path).with(csrf()).session(session);
		if (lookupKey != null) {
			request.param("lookupKey", lookupKey);
		}
		var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		String body = response.getContentAsString();
		Matcher url = HANDOVER.matcher(body);
		assertThat(url.find()).as(body).isTrue();
		assertThat(body).contains("id=\"handover-link\" class=\"button\" href=\"" + url.group(1) + "\"");
		return url.group(1).replace("&amp;", "&");
	}

	long checkoutSessions() throws Exception {
		return stripe.v1()
			.checkout()
			.sessions()
			.list(SessionListParams.builder().setLimit(100L).build())
			.getData()
			.size();
	}

	void payOnHostedPage(String checkoutUrl) throws Exception {
		HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create(checkoutUrl + "/pay"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("method=card_success"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
		assertThat(paid.headers().firstValue("Location").orElseThrow())
			.contains("/billing/checkout/success?session_id=cs_");
	}

	String sessionId(String checkoutUrl) {
		return checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
	}

	@Test
	void aMemberCannotStartCheckoutOrOpenThePortalAndSeesNoBuyButtons() throws Exception {
		MockHttpSession owner = signUpAndSignIn("owner@members.test");
		OrgId org = onboard(owner, "owner@members.test", "Members Co");
		MockHttpSession member = signUpAndSignIn("member@members.test");
		memberships.add(org, "member@members.test", Role.MEMBER);
		long before = checkoutSessions();

		String refused = mvc
			.perform(post("/billing/checkout").param("lookupKey", "test_pack_1000").with(csrf()).session(member))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Your role in this organisation does not allow this").doesNotContain("Exception");
		mvc.perform(post("/billing/portal").with(csrf()).session(member)).andExpect(status().isForbidden());
		assertThat(checkoutSessions()).isEqualTo(before);

		String billing = page("/billing", member);
		assertThat(billing).contains("Owners, admins and billing members can buy credits")
			.doesNotContain("action=\"/billing/checkout\"")
			.doesNotContain("action=\"/billing/portal\"")
			.doesNotContain("id=\"invoices\"");
	}

	@Test
	void checkoutNeedsTheCsrfToken() throws Exception {
		MockHttpSession owner = signUpAndSignIn("csrf@billing.test");
		onboard(owner, "csrf@billing.test", "Csrf Co");
		mvc.perform(post("/billing/checkout").param("lookupKey", "test_pack_1000").session(owner))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnknownLookupKeyOrAStripeOutageIsAReadableMessageOnTheBillingPage() throws Exception {
		MockHttpSession owner = signUpAndSignIn("errors@billing.test");
		onboard(owner, "errors@billing.test", "Errors Co");

		assertThat(postAndFollow("/billing/checkout", "no_such_price", owner))
			.contains("This offer does not exist (any more).")
			.contains("role=\"alert\"");

		// Nothing bought yet, so no billing account for the portal.
		assertThat(postAndFollow("/billing/portal", null, owner)).contains("There is no billing account yet");

		backend.emulator().injectFault(new Fault("POST", "/v1/checkout/sessions", Fault.Kind.SERVER_ERROR, 10, null));
		long before = checkoutSessions();
		assertThat(postAndFollow("/billing/checkout", "test_pack_1000", owner))
			.contains("The payment provider is not reachable right now. Nothing was charged");
		backend.emulator().clearFaults();
		assertThat(checkoutSessions()).isEqualTo(before);

	}

	@Test
	void theOwnerBuysAPackThenAPlanAndSeesThePlanTheInvoiceAndThePortal() throws Exception {
		MockHttpSession owner = signUpAndSignIn("buyer@billing.test");
		OrgId org = onboard(owner, "buyer@billing.test", "Buyer Co");

		String before = page("/billing", owner);
		assertThat(before).contains("Buy 1,000 credits for $10.00")
			.contains("Test Individual: $19.00 per month, 2,000 credits included")
			.contains("Test Team: $99.00 per month, 15,000 credits included")
			.contains("No invoices yet.")
			.contains("Test mode — payments are simulated.");
		assertThat(page("/billing?lang=de", owner)).contains("1.000 credits für 10,00");

		// A pack: hand-over page → the emulator's hosted Checkout → success return →
		// credits.
		String packUrl = handOver("/billing/checkout", "test_pack_1000", owner);
		assertThat(packUrl).startsWith(backend.emulator().publicBaseUrl() + "/checkout/cs_");
		payOnHostedPage(packUrl);
		mvc.perform(get("/billing/checkout/success").param("session_id", sessionId(packUrl)).session(owner))
			.andExpect(status().isSeeOther());
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(1100));
		assertThat(page("/?billing=checkout_complete", owner)).contains("Payment received.");

		// A plan: the subscription shows with its status, and its first invoice is
		// listed.
		String planUrl = handOver("/billing/checkout", "test_individual_monthly", owner);
		payOnHostedPage(planUrl);
		mvc.perform(get("/billing/checkout/success").param("session_id", sessionId(planUrl)).session(owner))
			.andExpect(status().isSeeOther());
		String after = page("/billing", owner);
		assertThat(after).contains("Test Individual")
			.contains("Status: Active")
			.contains("To switch or cancel your plan, open billing management.")
			.doesNotContain("Subscribe to Test Team");
		assertThat(after)
			.containsPattern("<td>[^<]+</td>\\s*<td>\\d{4}-\\d{2}-\\d{2}</td>\\s*<td>Paid</td>\\s*<td>\\$19\\.00</td>")
			.contains("View invoice")
			.contains(backend.emulator().publicBaseUrl() + "/invoice/in_");

		// Buying a second plan is refused in words; changing it goes through the portal.
		assertThat(postAndFollow("/billing/checkout", "test_team_monthly", owner))
			.contains("Your org already has a plan.");
		String portalUrl = handOver("/billing/portal", null, owner);
		assertThat(portalUrl).startsWith(backend.emulator().publicBaseUrl() + "/portal/");
		HttpResponse<String> portal = http.send(HttpRequest.newBuilder(URI.create(portalUrl)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(portal.statusCode()).isEqualTo(200);
		assertThat(portal.body()).contains("Test Individual");

		// A failed renewal (as the mirror records it): a banner says what to do, with the
		// portal button.
		mongo.getCollection(BillingCollections.SUBSCRIPTIONS)
			.updateMany(Filters.eq("orgId", org.value()), Updates.set("status", "past_due"));
		String pastDue = page("/billing", owner);
		assertThat(pastDue).contains("Your last payment failed.").contains("Status: Past due");
		assertThat(
				Pattern.compile("role=\"alert\">\\s*<p>[^<]*</p>\\s*<form method=\"post\" action=\"/billing/portal\"")
					.matcher(pastDue)
					.find())
			.as(pastDue)
			.isTrue();
	}

	/**
	 * Posts the auto top-up form and follows the redirect back to its section with the
	 * flash message.
	 */
	String autoTopUp(MockHttpSession session, String path, String threshold) throws Exception {
		var request = post(path).with(csrf())
			.session(session)
			.param("lookupKey", "test_pack_1000")
			.param("threshold", threshold)
			.param("monthlyLimit", "2");
		MvcResult result = mvc.perform(request).andExpect(redirectedUrl("/billing#auto-top-up")).andReturn();
		return mvc.perform(get("/billing").session(session).flashAttrs(result.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theOwnerTurnsAutoTopUpOnWithTheCardAPackSavedAndSeesTheNextInvoiceOfThePlan() throws Exception {
		MockHttpSession owner = signUpAndSignIn("topup@billing.test");
		OrgId org = onboard(owner, "topup@billing.test", "Topup Co");
		assertThat(page("/billing", owner)).contains("id=\"auto-top-up\"")
			.contains("Off. Turn it on")
			.doesNotContain("id=\"upcoming\"");
		assertThat(autoTopUp(owner, "/billing/auto-top-up", "500")).contains("No card is saved yet");

		String packUrl = handOver("/billing/checkout", "test_pack_1000", owner);
		payOnHostedPage(packUrl);
		mvc.perform(get("/billing/checkout/success").param("session_id", sessionId(packUrl)).session(owner))
			.andExpect(status().isSeeOther());
		assertThat(autoTopUp(owner, "/billing/auto-top-up", "lots"))
			.contains("Enter the threshold as a positive number");
		assertThat(autoTopUp(owner, "/billing/auto-top-up", "500")).contains("Automatic top-up is on.")
			.contains(
					"On: when available credits fall below 500 credits, test_pack_1000 is bought with your saved card, "
							+ "at most 2 times a month (0 this month).");
		assertThat(page("/billing?lang=de", owner)).contains("Automatisches Aufladen");

		MockHttpSession member = signUpAndSignIn("topup-member@billing.test");
		memberships.add(org, "topup-member@billing.test", Role.MEMBER);
		mvc.perform(post("/billing/auto-top-up/off").with(csrf()).session(member)).andExpect(status().isForbidden());
		assertThat(page("/billing", member)).contains("On: when available credits fall below 500")
			.doesNotContain("action=\"/billing/auto-top-up\"");

		String planUrl = handOver("/billing/checkout", "test_team_monthly", owner);
		payOnHostedPage(planUrl);
		mvc.perform(get("/billing/checkout/success").param("session_id", sessionId(planUrl)).session(owner))
			.andExpect(status().isSeeOther());
		assertThat(page("/billing", owner)).contains("id=\"upcoming\"")
			.contains("Next invoice")
			.containsPattern("Test Team[^<]*</td><td>\\$99\\.00</td>");

		assertThat(autoTopUp(owner, "/billing/auto-top-up/off", "500")).contains("Automatic top-up is off.");
	}

}
