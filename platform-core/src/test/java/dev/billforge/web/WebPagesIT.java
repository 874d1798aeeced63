package dev.billforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;

import dev.billforge.branding.Brand;
import dev.billforge.ledger.Alert;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.UsageCharge;
import dev.billforge.ledger.CreditsDeniedException;
import dev.billforge.ledger.DenialReason;
import dev.billforge.metering.Metering;
import dev.billforge.metering.UsageEvent;
import dev.billforge.notifications.Notifications;
import dev.billforge.notifications.OutboxMail;
import dev.billforge.operator.AuditLog;
import dev.billforge.orgs.Membership;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.accounts.Accounts;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.LocalAccountsTestSupport;
import dev.billforge.testsupport.MutableClock;

/**
 * The web app's pages through MockMvc: accounts, onboarding, members, keys, billing,
 * operator, isolation.
 */
@BillforgeIntegrationTest(properties = { "billforge.notifications.dispatch-interval=PT1H",
		"billforge.value-metric.free-tier=100", "billforge.value-metric.meters.page.rate=1" })
@AutoConfigureMockMvc
@Import(WebPagesIT.Config.class)
class WebPagesIT {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));

	static final String PASSWORD = "correct horse battery";

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

		@Bean
		DeniedPage deniedPage() {
			return new DeniedPage();
		}

	}

	/** A product page that runs out of credits, as a tenant's page would. */
	@Controller
	static class DeniedPage {

		@GetMapping("/test/denied")
		String denied() {
			throw new CreditsDeniedException(DenialReason.INSUFFICIENT_CREDITS, "not enough credits");
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Memberships memberships;

	@Autowired
	Orgs orgs;

	@Autowired
	Notifications notifications;

	@Autowired
	CreditLedger ledger;

	@Autowired
	Metering metering;

	@Autowired
	AuditLog audit;

	@Autowired
	Brand brand;

	@Autowired
	Accounts accounts;

	// --- helpers ---

	MockHttpSession signUpAndSignIn(String email) throws Exception {
		mvc.perform(post("/signup").param("email", email).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?registered"));
		LocalAccountsTestSupport.confirmAddress(mvc, notifications, email, null);
		return signIn(email, PASSWORD);
	}

	/**
	 * An operator made the only way there is: the operator command's set-password link.
	 */
	MockHttpSession operator(String email) throws Exception {
		// The link the operator command prints (and mails): an earlier test may have
		// mailed an older one.
		LocalAccountsTestSupport.setPasswordByLink(mvc, accounts.createOperator(email).setPasswordLink(), PASSWORD);
		return signIn(email, PASSWORD);
	}

	MockHttpSession signIn(String email, String password) throws Exception {
		MvcResult result = mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession();
	}

	OrgId onboard(MockHttpSession session, String name) throws Exception {
		mvc.perform(post("/onboarding").param("name", name)
			.param("timeZone", "Europe/Berlin")
			.with(csrf())
			.session(session)).andExpect(redirectedUrl("/"));
		return memberships.ofPerson(emailOf(session))
			.stream()
			.map(Membership::orgId)
			.filter(id -> orgs.find(id).orElseThrow().name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	static String emailOf(MockHttpSession session) {
		var context = (org.springframework.security.core.context.SecurityContext) session
			.getAttribute("SPRING_SECURITY_CONTEXT");
		return context.getAuthentication().getName();
	}

	String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		return mvc.perform(request.session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	// --- accounts and onboarding ---

	@Test
	void firstSignInLeadsToOnboardingWhichCreatesTheOrgWithTheSignedInPersonAsOwner() throws Exception {
		MockHttpSession session = signUpAndSignIn("first@acme.test");
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/onboarding"));
		assertThat(page(get("/onboarding"), session)).contains("Europe/Berlin");

		OrgId org = onboard(session, "Acme <Docs>");

		assertThat(memberships.find(org, "first@acme.test").orElseThrow().role()).isEqualTo(Role.OWNER);
		String dashboard = page(get("/"), session);
		assertThat(dashboard).contains("Acme &lt;Docs&gt;").doesNotContain("Acme <Docs>").contains("<svg");
		assertThat(dashboard).contains("100 credits"); // free tier
	}

	@Test
	void aTooShortPasswordIsRefusedWithTheMinimumLengthInTheMessage() throws Exception {
		String body = mvc
			.perform(post("/signup").param("email", "short@acme.test").param("password", "short").with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("at least 12 characters");
		mvc.perform(post("/login").param("username", "short@acme.test").param("password", "short").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void repeatedFailedSignInsLockTheAddressEvenForTheRightPassword() throws Exception {
		mvc.perform(post("/signup").param("email", "locked@acme.test").param("password", PASSWORD).with(csrf()));
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").param("username", "locked@acme.test")
				.param("password", "wrong password!")
				.with(csrf())).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(post("/login").param("username", "locked@acme.test").param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error=locked"));
		String page = mvc.perform(get("/login").param("error", "locked"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Too many failed sign-ins");
	}

	@Test
	void passwordResetByTheEmailedLinkWorksOnceAndThrottlesRepeatedRequests() throws Exception {
		mvc.perform(post("/signup").param("email", "forgetful@acme.test").param("password", PASSWORD).with(csrf()));
		mvc.perform(post("/password-reset").param("email", "forgetful@acme.test").with(csrf()))
			.andExpect(status().isOk());

		OutboxMail mail = notifications.outbox(50)
			.stream()
			.filter(m -> m.to().contains("forgetful@acme.test"))
			.findFirst()
			.orElseThrow();
		Matcher link = Pattern.compile("/password-reset/([0-9a-f]{64})").matcher(mail.body());
		assertThat(link.find()).isTrue();
		String path = "/password-reset/" + link.group(1);

		mvc.perform(post(path).param("password", "a brand new passphrase").with(csrf()))
			.andExpect(redirectedUrl("/login?reset"));
		signIn("forgetful@acme.test", "a brand new passphrase");
		String again = mvc.perform(post(path).param("password", "yet another passphrase").with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("not valid any more");

		mvc.perform(post("/password-reset").param("email", "forgetful@acme.test").with(csrf()));
		mvc.perform(post("/password-reset").param("email", "forgetful@acme.test").with(csrf()));
		String throttled = mvc.perform(post("/password-reset").param("email", "forgetful@acme.test").with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(throttled).contains("Too many requests");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRejected() throws Exception {
		MockHttpSession session = signUpAndSignIn("csrf@acme.test");
		mvc.perform(post("/onboarding").param("name", "No token").session(session)).andExpect(status().isForbidden());
		mvc.perform(post("/signup").param("email", "x@acme.test").param("password", PASSWORD))
			.andExpect(status().isForbidden());
	}

	// --- API keys, members, invitations ---

	@Test
	void anApiKeyIsShownOnceThenListedByPrefixAndCanBeRevoked() throws Exception {
		MockHttpSession session = signUpAndSignIn("keys@acme.test");
		OrgId org = onboard(session, "Keys Inc");
		String created = page(post("/api-keys").param("name", "laptop").with(csrf()), session);
		Matcher key = Pattern.compile("value=\"([A-Za-z0-9_]+_sk_[A-Za-z0-9]+)\"").matcher(created);
		assertThat(key.find()).as(created).isTrue();
		assertThat(orgs.authenticate(key.group(1))).contains(org);

		String list = page(get("/api-keys"), session);
		assertThat(list).contains("laptop").doesNotContain(key.group(1));

		String keyId = orgs.apiKeys(org).get(0).id();
		mvc.perform(post("/api-keys/" + keyId + "/revoke").with(csrf()).session(session))
			.andExpect(redirectedUrl("/api-keys"));
		assertThat(orgs.authenticate(key.group(1))).isEmpty();
	}

	@Test
	void anInvitationByEmailedLinkAddsTheMemberWithTheInvitedRoleAndOnlyOnce() throws Exception {
		MockHttpSession owner = signUpAndSignIn("owner@team.test");
		OrgId org = onboard(owner, "Team");
		mvc.perform(post("/members/invite").param("email", "bob@team.test")
			.param("role", "billing")
			.with(csrf())
			.session(owner)).andExpect(redirectedUrl("/members"));
		OutboxMail mail = notifications.outbox(50)
			.stream()
			.filter(m -> m.to().contains("bob@team.test"))
			.findFirst()
			.orElseThrow();
		Matcher link = Pattern.compile("/invitations/accept\\?token=([0-9a-f]{64})").matcher(mail.body());
		assertThat(link.find()).isTrue();

		MockHttpSession bob = signUpAndSignIn("bob@team.test");
		assertThat(page(get("/invitations/accept").param("token", link.group(1)), bob)).contains("owner@team.test");
		mvc.perform(post("/invitations/accept").param("token", link.group(1)).with(csrf()).session(bob))
			.andExpect(redirectedUrl("/"));
		assertThat(memberships.find(org, "bob@team.test").orElseThrow().role()).isEqualTo(Role.BILLING);

		// A billing member may not manage members; a used link is dead.
		mvc.perform(post("/members/invite").param("email", "eve@team.test").with(csrf()).session(bob))
			.andExpect(status().isForbidden());
		mvc.perform(get("/invitations/accept").param("token", link.group(1)).session(bob))
			.andExpect(status().isNotFound());

		// Alert emails go to owners and billing members.
		MockHttpSession carol = signUpAndSignIn("carol@team.test");
		memberships.add(org, "carol@team.test", Role.MEMBER);
		assertThat(page(get("/members"), owner)).contains("bob@team.test", "carol@team.test");
	}

	@Test
	void theLastOwnerCannotLeaveButAMemberCanAndLosesAccessAtOnce() throws Exception {
		MockHttpSession owner = signUpAndSignIn("solo@leave.test");
		OrgId org = onboard(owner, "Leave Co");
		String body = mvc.perform(post("/members/leave").with(csrf()).session(owner))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("at least one owner");

		MockHttpSession member = signUpAndSignIn("member@leave.test");
		memberships.add(org, "member@leave.test", Role.MEMBER);
		page(get("/"), member);
		mvc.perform(post("/members/remove").param("member", "member@leave.test").with(csrf()).session(owner))
			.andExpect(redirectedUrl("/members"));
		mvc.perform(get("/").session(member)).andExpect(redirectedUrl("/onboarding"));
	}

	// --- isolation ---

	@Test
	void aMemberOfOneOrgGetsNotFoundForAnythingOfAnotherOrg() throws Exception {
		MockHttpSession alice = signUpAndSignIn("alice@a.test");
		OrgId orgA = onboard(alice, "Org A");
		MockHttpSession bob = signUpAndSignIn("bob@b.test");
		OrgId orgB = onboard(bob, "Org B");
		String keyOfB = orgs.createApiKey(orgB, "b-key").id();
		metering.record(orgB,
				List.of(new UsageEvent("b-usage", "page", BigDecimal.valueOf(80), CLOCK.instant(), Map.of())), false);
		String notificationOfB = notifications.inbox(orgB, 10).get(0).id();
		long unreadOfB = notifications.unreadCount(orgB);
		String invitationOfB = memberships
			.invite(orgB, "x@b.test", Role.MEMBER, "bob@b.test", java.time.Duration.ofDays(1))
			.invitation()
			.id();

		mvc.perform(post("/orgs/switch").param("org", orgB.value()).with(csrf()).session(alice))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api-keys/" + keyOfB + "/revoke").with(csrf()).session(alice))
			.andExpect(status().isNotFound());
		mvc.perform(post("/notifications/" + notificationOfB + "/read").with(csrf()).session(alice))
			.andExpect(status().isNotFound());
		mvc.perform(post("/members/invitations/" + invitationOfB + "/revoke").with(csrf()).session(alice))
			.andExpect(status().isNotFound());
		mvc.perform(post("/members/remove").param("member", "bob@b.test").with(csrf()).session(alice))
			.andExpect(status().isNotFound());
		assertThat(orgs.apiKeys(orgB).get(0).active()).isTrue();
		assertThat(notifications.unreadCount(orgB)).isEqualTo(unreadOfB);
		assertThat(page(get("/"), alice)).contains("Org A").doesNotContain("Org B");

		// By API: org A's key cannot see org B's hold.
		String keyA = orgs.createApiKey(orgA, "a-key").key();
		var hold = ledger.reserve(orgB, "b-hold", dev.billforge.valuemetric.Credits.of(1), null,
				java.time.Duration.ofMinutes(5));
		mvc.perform(post("/api/v1/reservations/" + hold.id() + "/release").header("Authorization", "Bearer " + keyA))
			.andExpect(status().isNotFound());
	}

	// --- dashboard, billing, notifications ---

	@Test
	void usageShowsUpInTheChartTheProjectionTheBellAndTheOutbox() throws Exception {
		MockHttpSession session = signUpAndSignIn("usage@acme.test");
		OrgId org = onboard(session, "Usage Co");
		metering.record(org, List.of(new UsageEvent("u1", "page", BigDecimal.valueOf(75),
				CLOCK.instant().minusSeconds(3600), Map.of("operation", "extract"))), false);
		notifications.deliverDue();

		String dashboard = page(get("/"), session);
		assertThat(dashboard).contains("<rect class=\"s0\"").contains("page: 75");
		assertThat(dashboard).contains("75 of 100 used").contains("75 % of this period");
		assertThat(dashboard).contains("credits run out on 2026-11-");
		assertThat(dashboard).contains("70 % of this period");
		assertThat(page(get("/").param("groupBy", "operation"), session)).contains("extract: 75");
		assertThat(
				page(get("/").param("range", "custom").param("from", "2026-11-01").param("to", "2026-11-30"), session))
			.contains("<svg");
		mvc.perform(get("/").param("range", "custom").param("from", "bad").session(session))
			.andExpect(status().isBadRequest());

		// 75 % crosses the 70 % threshold; at this rate the credits also run out before
		// period end.
		assertThat(page(get("/notifications/bell"), session)).contains(">2<");
		assertThat(page(get("/notifications"), session)).contains("70 % of this period")
			.contains("Credits projected to run out");
		assertThat(page(get("/outbox"), session)).contains("70");
	}

	@Test
	void billingSavesTheSpendCapAndShowsTheWebhookSecretOnlyOnce() throws Exception {
		MockHttpSession session = signUpAndSignIn("billing@acme.test");
		OrgId org = onboard(session, "Billing Co");
		mvc.perform(post("/billing/cap").param("credits", "250").param("mode", "soft").with(csrf()).session(session))
			.andExpect(redirectedUrl("/billing"));
		assertThat(ledger.balance(org).cap().credits()).isEqualTo(dev.billforge.valuemetric.Credits.of(250));
		mvc.perform(post("/billing/cap").param("credits", "-3").with(csrf()).session(session))
			.andExpect(redirectedUrl("/billing"));
		assertThat(ledger.balance(org).cap().credits()).isEqualTo(dev.billforge.valuemetric.Credits.of(250));

		String withSecret = page(post("/billing/webhook").param("url", "https://93.184.216.34/hook").with(csrf()),
				session);
		Matcher secret = Pattern.compile("id=\"webhook-secret\"[^>]*value=\"([^\"]+)\"").matcher(withSecret);
		assertThat(secret.find()).as(withSecret).isTrue();
		assertThat(page(get("/billing"), session)).doesNotContain(secret.group(1)).contains("No invoices yet.");
	}

	@Test
	void anOrgSetsItsOwnAlertThresholdsAndBadInputChangesNothing() throws Exception {
		MockHttpSession session = signUpAndSignIn("thresholds@acme.test");
		OrgId org = onboard(session, "Threshold Co");
		assertThat(page(get("/billing"), session)).contains("Alerts fire at 70, 90, 100 %");

		mvc.perform(post("/billing/thresholds").param("thresholds", "50, 80%").with(csrf()).session(session))
			.andExpect(redirectedUrl("/billing#alerts"));
		assertThat(ledger.alertThresholds(org)).containsExactly(50, 80);
		assertThat(page(get("/billing"), session)).contains("Alerts fire at 50, 80 %");

		mvc.perform(post("/billing/thresholds").param("thresholds", "50, 180").with(csrf()).session(session))
			.andExpect(redirectedUrl("/billing#alerts"))
			.andExpect(flash().attribute("problem", "invalid_thresholds"));
		mvc.perform(post("/billing/thresholds").param("thresholds", "half").with(csrf()).session(session))
			.andExpect(flash().attribute("problem", "invalid_thresholds"));
		assertThat(ledger.alertThresholds(org)).containsExactly(50, 80);

		// 55 of 100 free credits crosses 50 % only.
		ledger
			.recordUsage(org,
					List.of(new UsageCharge("u-55", "page|55", "page", new java.math.BigDecimal("55"),
							dev.billforge.valuemetric.Credits.of(55), java.time.Instant.now(), java.util.Map.of())),
					false);
		assertThat(ledger.alerts(org, 10)).filteredOn(a -> a.type() == Alert.AlertType.THRESHOLD)
			.extracting(Alert::threshold)
			.containsExactly(50);

		mvc.perform(post("/billing/thresholds").param("thresholds", "").with(csrf()).session(session))
			.andExpect(flash().attribute("saved", "thresholds_saved"));
		assertThat(ledger.alertThresholds(org)).containsExactly(70, 90, 100);
	}

	@Test
	void anInsufficientCreditsAnswerExplainsAndLinksToBuyingCredits() throws Exception {
		MockHttpSession session = signUpAndSignIn("broke@acme.test");
		onboard(session, "Broke Co");
		String body = mvc.perform(get("/test/denied").session(session))
			.andExpect(status().isPaymentRequired())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("Not enough credits").contains("href=\"/billing\"");
	}

	// --- operator console and audit ---

	@Test
	void anOperatorGrantNeedsAReasonIsAuditedAndTheOwnerSeesItInTheAuditLog() throws Exception {
		MockHttpSession owner = signUpAndSignIn("owner@granted.test");
		OrgId org = onboard(owner, "Granted Co");
		MockHttpSession ops = operator("ops@example.test");
		mvc.perform(get("/operator").session(owner)).andExpect(status().isForbidden());

		assertThat(page(get("/operator").param("q", "Granted"), ops)).contains("Granted Co");
		mvc.perform(post("/operator/orgs/" + org.value() + "/grants").param("credits", "50")
			.param("reason", "")
			.param("requestId", "r0")
			.with(csrf())
			.session(ops));
		assertThat(ledger.balance(org).available()).isEqualTo(dev.billforge.valuemetric.Credits.of(100));

		for (int i = 0; i < 2; i++) { // a repeated post is one grant
			mvc.perform(post("/operator/orgs/" + org.value() + "/grants").param("credits", "50")
				.param("reason", "goodwill for outage")
				.param("requestId", "r1")
				.with(csrf())
				.session(ops)).andExpect(redirectedUrl("/operator/orgs/" + org.value()));
		}
		assertThat(ledger.balance(org).available()).isEqualTo(dev.billforge.valuemetric.Credits.of(150));
		assertThat(audit.forOrg(org, 10)).hasSize(1);
		assertThat(page(post("/operator/orgs/" + org.value() + "/verify").with(csrf()), ops)).contains("consistent");

		assertThat(page(get("/audit"), owner)).contains("goodwill for outage").contains("ops@example.test");
		mvc.perform(get("/operator/orgs/org_00000000000000000000000000000000").session(ops))
			.andExpect(status().isNotFound());
	}

	// --- pages in general ---

	@Test
	void pagesCarryTheBrandAndTheStrictPolicyAndErrorsAreReadablePagesInTheVisitorsLanguage() throws Exception {
		mvc.perform(get("/brand.css")).andExpect(status().isOk()).andExpect(content().string(brand.css()));
		String login = mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("script-src 'self'")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(login).contains("href=\"/brand.css\"").contains(brand.productName()).doesNotContain("style=");
		mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());

		MockHttpSession session = signUpAndSignIn("errors@acme.test");
		onboard(session, "Errors Co");
		mvc.perform(get("/no/such/page").session(session)).andExpect(status().isNotFound());
		// MockMvc does not forward to /error; render it as the container would after a
		// 404.
		String missing = mvc
			.perform(get("/error").session(session)
				.header("Accept", "text/html")
				.requestAttr("jakarta.servlet.error.status_code", 404)
				.requestAttr("jakarta.servlet.error.request_uri", "/no/such/page"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(missing).contains("Page not found").doesNotContain("Exception").doesNotContain("at dev.");
		String german = mvc.perform(get("/members").session(session).header("Accept-Language", "de-DE"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(german).contains("Mitglieder von Errors Co");
	}

}
