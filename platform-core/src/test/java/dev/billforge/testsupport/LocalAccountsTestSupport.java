package dev.billforge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.billforge.notifications.Notifications;
import dev.billforge.notifications.OutboxMail;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;

/**
 * Local accounts in page tests: the links people get by mail (verification, reset,
 * operator set-password, invitation), read from the development outbox, and the address
 * confirmation that every new account needs before it reaches any page.
 */
public final class LocalAccountsTestSupport {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s]+");

	private LocalAccountsTestSupport() {
	}

	/**
	 * The newest mail to {@code address} with a link whose path starts with
	 * {@code pathPrefix}: the link.
	 */
	public static URI mailedLink(Notifications notifications, String address, String pathPrefix) {
		for (OutboxMail mail : notifications.outbox(500)) {
			if (!mail.to().contains(address)) {
				continue;
			}
			Matcher link = LINK.matcher(mail.body());
			while (link.find()) {
				URI uri = URI.create(link.group());
				if (uri.getPath().startsWith(pathPrefix)) {
					return uri;
				}
			}
		}
		throw new AssertionError("no mail to " + address + " with a link to " + pathPrefix);
	}

	/**
	 * The path and query of {@link #mailedLink}, to open it against the test's server.
	 */
	public static String mailedPath(Notifications notifications, String address, String pathPrefix) {
		URI uri = mailedLink(notifications, address, pathPrefix);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	/**
	 * Chooses a password through the newest reset or operator set-password link mailed to
	 * {@code address}, as the person would (the form's CSRF token read from the page).
	 */
	public static void setPasswordByMailedLink(MockMvc mvc, Notifications notifications, String address,
			String password) throws Exception {
		setPasswordByLink(mvc, mailedPath(notifications, address, "/password-reset/"), password);
	}

	/**
	 * Chooses a password through a given reset or set-password link (e.g. the one the
	 * operator command returned).
	 */
	public static void setPasswordByLink(MockMvc mvc, String link, String password) throws Exception {
		URI uri = URI.create(link);
		String path = uri.getRawPath();
		MockHttpSession browser = new MockHttpSession();
		String form = mvc.perform(get(path).session(browser)).andReturn().getResponse().getContentAsString();
		Matcher csrf = CSRF.matcher(form);
		assertThat(csrf.find()).as("the set-password form").isTrue();
		MvcResult result = mvc
			.perform(post(path).param("password", password).param("_csrf", csrf.group(1)).session(browser))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("password set through " + path)
			.isEqualTo("/login?reset");
	}

	/**
	 * Opens the verification link mailed to {@code address} (in {@code session}, or
	 * signed out when null).
	 */
	public static void confirmAddress(MockMvc mvc, Notifications notifications, String address, MockHttpSession session)
			throws Exception {
		var request = get(mailedPath(notifications, address, "/verify-email/"));
		MvcResult result = mvc.perform(session == null ? request : request.session(session)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("verification of " + address)
			.isIn("/", "/login?verified");
	}

	/**
	 * Signs a new local account up, confirms its address from the outbox and signs it in
	 * through the real forms; the signed-in browser session.
	 */
	public static MockHttpSession signUpAndSignIn(MockMvc mvc, Notifications notifications, String email,
			String password) throws Exception {
		MockHttpSession browser = new MockHttpSession();
		MvcResult registered = mvc
			.perform(post("/signup").param("email", email)
				.param("password", password)
				.param("_csrf", csrf(mvc, browser, "/signup"))
				.session(browser))
			.andReturn();
		assertThat(registered.getResponse().getRedirectedUrl()).as("sign-up of " + email)
			.isEqualTo("/login?registered");
		confirmAddress(mvc, notifications, email, null);
		MvcResult signedIn = mvc
			.perform(post("/login").param("username", email)
				.param("password", password)
				.param("_csrf", csrf(mvc, browser, "/login"))
				.session(browser))
			.andReturn();
		assertThat(signedIn.getResponse().getRedirectedUrl()).as("sign-in of " + email).isEqualTo("/");
		return (MockHttpSession) signedIn.getRequest().getSession();
	}

	/**
	 * Creates an org through the onboarding form as the signed-in browser {@code session}
	 * (time zone Europe/Berlin); the new org, the person's first.
	 */
	public static OrgId onboard(MockMvc mvc, Memberships memberships, MockHttpSession session, String orgName)
			throws Exception {
		MvcResult created = mvc
			.perform(post("/onboarding").param("name", orgName)
				.param("timeZone", "Europe/Berlin")
				.param("_csrf", csrf(mvc, session, "/onboarding"))
				.session(session))
			.andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).as("onboarding of " + orgName).isEqualTo("/");
		return memberships.ofPerson(signedInPerson(session)).get(0).orgId();
	}

	/** Who is signed in to the browser {@code session}. */
	public static String signedInPerson(MockHttpSession session) {
		var context = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(context).as("a signed-in session").isNotNull();
		return context.getAuthentication().getName();
	}

	/**
	 * The CSRF token of the form on {@code path}, read as the browser {@code session}
	 * sees it.
	 */
	public static String csrf(MockMvc mvc, MockHttpSession session, String path) throws Exception {
		Matcher csrf = CSRF
			.matcher(mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString());
		assertThat(csrf.find()).as("a form with a CSRF token on " + path).isTrue();
		return csrf.group(1);
	}

}
