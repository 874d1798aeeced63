package dev.billforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.billforge.accounts.Accounts;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.notifications.Notifications;
import dev.billforge.notifications.OutboxMail;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.LocalAccountsTestSupport;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * Issue 10, section 1: an address grants nothing until it is proven. Operators only by
 * command or operator API, verification before any page, no account enumeration, lockout
 * that strangers cannot aim at someone else, mail links from the configured base URL, a
 * personal outbox, no free-tier farming.
 */
@BillforgeIntegrationTest(properties = {
		// The old list of operator addresses: it must grant nothing any more.
		"billforge.accounts.operators=ops@example.test", "billforge.notifications.dispatch-interval=PT1H",
		"billforge.value-metric.free-tier=100", "billforge.public-base-url=https://app.example.test",
		"billforge.api.operator-token=operator-token-for-tests-0123456789abcdef" })
@AutoConfigureMockMvc
@Import(AccountSecurityIT.Config.class)
class AccountSecurityIT {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

	static final String PASSWORD = "correct horse battery";

	static final String OPERATOR_TOKEN = "operator-token-for-tests-0123456789abcdef";

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
	Accounts accounts;

	@Autowired
	Memberships memberships;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	// --- helpers ---

	String signUp(String email, String password) throws Exception {
		return mvc.perform(post("/signup").param("email", email).param("password", password).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	MockHttpSession signIn(String email, String password) throws Exception {
		MvcResult result = mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession();
	}

	MockHttpSession verifiedMember(String email) throws Exception {
		assertThat(signUp(email, PASSWORD)).isEqualTo("/login?registered");
		LocalAccountsTestSupport.confirmAddress(mvc, notifications, email, null);
		return signIn(email, PASSWORD);
	}

	String page(String path, MockHttpSession session) throws Exception {
		return mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long mailsTo(String address) {
		return notifications.outbox(500).stream().filter(m -> m.to().contains(address)).count();
	}

	static String withoutCsrfTokens(String page) {
		return page.replaceAll("(csrf-token\" content=\"|name=\"_csrf\" value=\")[^\"]+", "$1");
	}

	static RequestPostProcessor from(String client) {
		return request -> {
			request.setRemoteAddr(client);
			return request;
		};
	}

	// --- operators ---

	@Test
	void signingUpWithTheFormerlyListedOperatorAddressGrantsNoOperatorConsoleAndTheOutboxRevealsNothing()
			throws Exception {
		MockHttpSession squatter = verifiedMember("ops@example.test");

		mvc.perform(get("/operator").session(squatter)).andExpect(status().isForbidden());
		String outbox = page("/outbox", squatter);
		assertThat(outbox).doesNotContain("/password-reset/").doesNotContain("operator account");
	}

	@Test
	void theOperatorCommandTakesAnAddressAwayFromWhoeverSignedUpWithItFirst() throws Exception {
		MockHttpSession squatter = verifiedMember("boss@example.test");

		accounts.createOperator("boss@example.test");

		// The squatter's session ended and their password no longer works.
		mvc.perform(get("/").session(squatter)).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/login").param("username", "boss@example.test").param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		// The one-time link mailed to the address sets the password; the operator gets
		// the console.
		URI link = LocalAccountsTestSupport.mailedLink(notifications, "boss@example.test", "/password-reset/");
		assertThat(link.toString()).startsWith("https://app.example.test/password-reset/");
		LocalAccountsTestSupport.setPasswordByMailedLink(mvc, notifications, "boss@example.test",
				"the operator's own words");
		MockHttpSession operator = signIn("boss@example.test", "the operator's own words");
		mvc.perform(get("/operator").session(operator)).andExpect(status().isOk());
		// ... and the link worked once.
		String reused = mvc.perform(post(link.getPath()).param("password", "someone else's words").with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(reused).contains("not valid any more");
	}

	@Test
	void theOperatorApiCreatesAnOperatorWithAnExpiringSetPasswordLinkOnlyWithTheToken() throws Exception {
		mvc.perform(post("/api/v1/operator/operators").contentType("application/json")
			.content("{\"email\":\"api-ops@example.test\"}")).andExpect(status().isUnauthorized());

		String created = mvc
			.perform(post("/api/v1/operator/operators").header("Authorization", "Bearer " + OPERATOR_TOKEN)
				.contentType("application/json")
				.content("{\"email\":\"API-Ops@example.test\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(created).contains("\"email\":\"api-ops@example.test\"")
			.contains("\"setPasswordLink\":\"https://app.example.test/password-reset/");
		assertThat(accounts.find("api-ops@example.test").orElseThrow().operator()).isTrue();
		// Expired after its validity (24 hours by default).
		CLOCK.advance(Duration.ofHours(25));
		try {
			String form = mvc.perform(
					post(LocalAccountsTestSupport.mailedPath(notifications, "api-ops@example.test", "/password-reset/"))
						.param("password", PASSWORD)
						.with(csrf()))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(form).contains("not valid any more");
		}
		finally {
			CLOCK.advance(Duration.ofHours(-25));
		}
		mvc.perform(post("/api/v1/operator/operators").header("Authorization", "Bearer " + OPERATOR_TOKEN)
			.contentType("application/json")
			.content("{\"email\":\"not an address\"}")).andExpect(status().isBadRequest());
	}

	// --- verification ---

	@Test
	void anUnverifiedAccountSignsInOnlyToTheCheckYourMailPageUntilItOpensTheSingleUseLink() throws Exception {
		assertThat(signUp("fresh@acme.test", PASSWORD)).isEqualTo("/login?registered");
		MockHttpSession session = signIn("fresh@acme.test", PASSWORD);

		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/check-mail"));
		mvc.perform(get("/onboarding").session(session)).andExpect(redirectedUrl("/check-mail"));
		mvc.perform(post("/onboarding").param("name", "Farm").with(csrf()).session(session))
			.andExpect(redirectedUrl("/check-mail"));
		assertThat(page("/check-mail", session)).contains("confirm your email address");
		// The person can read their own confirmation mail in the development outbox and
		// ask again.
		assertThat(page("/outbox", session)).contains("/verify-email/");
		long before = mailsTo("fresh@acme.test");
		mvc.perform(post("/check-mail/resend").with(csrf()).session(session)).andExpect(status().isOk());
		assertThat(mailsTo("fresh@acme.test")).isEqualTo(before + 1);

		String link = LocalAccountsTestSupport.mailedPath(notifications, "fresh@acme.test", "/verify-email/");
		mvc.perform(get(link).session(session)).andExpect(redirectedUrl("/"));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/onboarding"));
		String again = mvc.perform(get(link))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("not valid any more");
	}

	@Test
	void anExpiredVerificationLinkDoesNotVerify() throws Exception {
		signUp("late@acme.test", PASSWORD);
		String link = LocalAccountsTestSupport.mailedPath(notifications, "late@acme.test", "/verify-email/");
		CLOCK.advance(Duration.ofHours(25));
		try {
			mvc.perform(get(link)).andExpect(status().isBadRequest());
		}
		finally {
			CLOCK.advance(Duration.ofHours(-25));
		}
		assertThat(accounts.find("late@acme.test").orElseThrow().verified()).isFalse();
	}

	// --- no account enumeration ---

	@Test
	void signUpAnswersAlikeForATakenAddressAndTellsTheOwnerByMail() throws Exception {
		verifiedMember("taken@acme.test");
		long before = mailsTo("taken@acme.test");

		String fresh = signUp("nobody-yet@acme.test", PASSWORD);
		String taken = signUp("taken@acme.test", "an attacker's password");

		assertThat(taken).isEqualTo(fresh).isEqualTo("/login?registered");
		assertThat(mailsTo("taken@acme.test")).isEqualTo(before + 1);
		OutboxMail notice = notifications.outbox(20)
			.stream()
			.filter(m -> m.to().contains("taken@acme.test"))
			.filter(m -> m.id().startsWith("signup-exists:"))
			.findFirst()
			.orElseThrow();
		assertThat(notice.subject()).contains("already have an account");
		// The existing password still works; the attacker's does not.
		signIn("taken@acme.test", PASSWORD);
		mvc.perform(post("/login").param("username", "taken@acme.test")
			.param("password", "an attacker's password")
			.with(csrf())).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void signInResetAndLockoutAnswerAlikeForKnownAndUnknownAddresses() throws Exception {
		verifiedMember("known@acme.test");
		for (String address : new String[] { "known@acme.test", "unknown@acme.test" }) {
			for (int i = 0; i < 5; i++) {
				mvc.perform(post("/login").param("username", address)
					.param("password", "wrong password!")
					.with(csrf())
					.with(from("10.1.1.1"))).andExpect(redirectedUrl("/login?error"));
			}
			mvc.perform(post("/login").param("username", address)
				.param("password", "wrong password!")
				.with(csrf())
				.with(from("10.1.1.1"))).andExpect(redirectedUrl("/login?error=locked"));
		}
		String known = mvc
			.perform(post("/password-reset").param("email", "known@acme.test").with(csrf()).with(from("10.1.1.2")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknown = mvc
			.perform(post("/password-reset").param("email", "unknown@acme.test").with(csrf()).with(from("10.1.1.2")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(withoutCsrfTokens(unknown)).isEqualTo(withoutCsrfTokens(known))
			.contains("If an account exists for this address");
	}

	@Test
	void aStrangerCannotLockTheOperatorOutAndAVerifiedResetUnlocksAndEndsOtherSessions() throws Exception {
		MockHttpSession laptop = verifiedMember("victim@acme.test");
		MockHttpSession phone = signIn("victim@acme.test", PASSWORD);
		for (int i = 0; i < 6; i++) {
			mvc.perform(post("/login").param("username", "victim@acme.test")
				.param("password", "guess " + i)
				.with(csrf())
				.with(from("203.0.113.9")));
		}
		// Locked for the stranger's client only: the victim signs in from their own.
		mvc.perform(post("/login").param("username", "victim@acme.test")
			.param("password", PASSWORD)
			.with(csrf())
			.with(from("203.0.113.9"))).andExpect(redirectedUrl("/login?error=locked"));
		signIn("victim@acme.test", PASSWORD);

		// A reset from the mailed link unlocks the account everywhere and ends every
		// earlier session.
		mvc.perform(post("/password-reset").param("email", "victim@acme.test").with(csrf())).andExpect(status().isOk());
		LocalAccountsTestSupport.setPasswordByMailedLink(mvc, notifications, "victim@acme.test",
				"a new long passphrase");
		mvc.perform(get("/").session(laptop)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/").session(phone)).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/login").param("username", "victim@acme.test")
			.param("password", "a new long passphrase")
			.with(csrf())
			.with(from("203.0.113.9"))).andExpect(redirectedUrl("/"));
	}

	// --- links in mails ---

	@Test
	void aResetRequestedWithAForeignHostHeaderMailsALinkToTheConfiguredBaseUrl() throws Exception {
		verifiedMember("hosted@acme.test");

		mvc.perform(post("/password-reset").param("email", "hosted@acme.test")
			.header("Host", "evil.test")
			.with(csrf())
			.with(request -> {
				request.setServerName("evil.test");
				return request;
			})).andExpect(status().isOk());

		OutboxMail mail = notifications.outbox(10)
			.stream()
			.filter(m -> m.to().contains("hosted@acme.test"))
			.filter(m -> m.id().startsWith("password-reset:"))
			.findFirst()
			.orElseThrow();
		assertThat(mail.body()).contains("https://app.example.test/password-reset/").doesNotContain("evil.test");
	}

	// --- outbox and invitations ---

	@Test
	void signingUpAsAnInviteeRevealsNoInvitationAndNobodySeesOtherPeoplesMail() throws Exception {
		MockHttpSession owner = verifiedMember("owner@secret.test");
		mvc.perform(
				post("/onboarding").param("name", "Secret Co").param("timeZone", "UTC").with(csrf()).session(owner));
		mvc.perform(post("/members/invite").param("email", "invitee@secret.test")
			.param("role", "admin")
			.with(csrf())
			.header("Host", "evil.test")
			.session(owner)).andExpect(redirectedUrl("/members"));
		assertThat(LocalAccountsTestSupport.mailedLink(notifications, "invitee@secret.test", "/invitations/accept")
			.toString()).startsWith("https://app.example.test/invitations/accept?token=");

		CLOCK.advance(Duration.ofSeconds(1));
		MockHttpSession impostor = verifiedMember("invitee@secret.test");
		String mine = page("/outbox", impostor);
		assertThat(mine).doesNotContain("/invitations/accept").doesNotContain("Secret Co");
		// The operator console gives no wider view of the outbox either.
		accounts.createOperator("mailops@example.test");
		LocalAccountsTestSupport.setPasswordByMailedLink(mvc, notifications, "mailops@example.test", PASSWORD);
		String operators = page("/outbox", signIn("mailops@example.test", PASSWORD));
		assertThat(operators).doesNotContain("/invitations/accept")
			.doesNotContain("/verify-email/")
			.doesNotContain("owner@secret.test");
	}

	@Test
	void anInvitationIsAcceptedOnlyByTheVerifiedInvitedAddress() throws Exception {
		MockHttpSession owner = verifiedMember("owner@inv.test");
		mvc.perform(post("/onboarding").param("name", "Inv Co").param("timeZone", "UTC").with(csrf()).session(owner));
		OrgId org = memberships.ofPerson("owner@inv.test").get(0).orgId();
		mvc.perform(post("/members/invite").param("email", "right@inv.test")
			.param("role", "member")
			.with(csrf())
			.session(owner));
		String token = LocalAccountsTestSupport.mailedLink(notifications, "right@inv.test", "/invitations/accept")
			.getQuery()
			.replace("token=", "");

		MockHttpSession other = verifiedMember("other@inv.test");
		mvc.perform(post("/invitations/accept").param("token", token).with(csrf()).session(other))
			.andExpect(status().isForbidden());
		signUp("right@inv.test", PASSWORD);
		MockHttpSession unverified = signIn("right@inv.test", PASSWORD);
		mvc.perform(post("/invitations/accept").param("token", token).with(csrf()).session(unverified))
			.andExpect(redirectedUrl("/check-mail"));
		assertThat(memberships.find(org, "right@inv.test")).isEmpty();

		LocalAccountsTestSupport.confirmAddress(mvc, notifications, "right@inv.test", unverified);
		mvc.perform(post("/invitations/accept").param("token", token).with(csrf()).session(unverified))
			.andExpect(redirectedUrl("/"));
		assertThat(memberships.find(org, "right@inv.test").orElseThrow().role()).isEqualTo(Role.MEMBER);
	}

	// --- free-tier farming ---

	@Test
	void onlyAPersonsFirstOrgGetsTheFreeTierAndOrgCreationIsRateLimited() throws Exception {
		MockHttpSession farmer = verifiedMember("farmer@acme.test");
		for (int i = 1; i <= 5; i++) {
			mvc.perform(post("/onboarding").param("name", "Farm " + i)
				.param("timeZone", "UTC")
				.with(csrf())
				.session(farmer)).andExpect(redirectedUrl("/"));
		}
		var owned = memberships.ofPerson("farmer@acme.test");
		assertThat(owned).hasSize(5);
		assertThat(owned.stream()
			.map(m -> orgs.find(m.orgId()).orElseThrow().name() + "=" + ledger.balance(m.orgId()).available())
			.sorted()
			.toList()).containsExactly("Farm 1=" + Credits.of(100), "Farm 2=" + Credits.ZERO, "Farm 3=" + Credits.ZERO,
					"Farm 4=" + Credits.ZERO, "Farm 5=" + Credits.ZERO);

		mvc.perform(post("/onboarding").param("name", "Farm 6").param("timeZone", "UTC").with(csrf()).session(farmer))
			.andExpect(status().isTooManyRequests());
		assertThat(memberships.ofPerson("farmer@acme.test")).hasSize(5);
		// An org the operator creates is not limited and gets the free tier.
		assertThat(ledger.balance(orgs.create("Operator's", java.time.ZoneId.of("UTC")).id()).available())
			.isEqualTo(Credits.of(100));
	}

}
