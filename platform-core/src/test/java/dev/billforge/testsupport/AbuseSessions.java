package dev.billforge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.MongoTemplate;

import dev.billforge.accounts.Accounts;
import dev.billforge.notifications.Notifications;
import dev.billforge.testsupport.AbuseHarness.Answer;

/**
 * Browser sessions for the abuse suites: a verified local account signed in through the
 * real sign-in form (its own cookie jar), as a member or as an operator, and the CSRF
 * token of a page.
 */
public final class AbuseSessions {

	private static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|name=\"csrf-token\"[^>]*content=\"([^\"]+)\"");

	private static final String FORM = "application/x-www-form-urlencoded";

	private final int port;

	private final MongoTemplate mongo;

	private final Accounts accounts;

	private final Notifications notifications;

	public AbuseSessions(int port, MongoTemplate mongo, Accounts accounts, Notifications notifications) {
		this.port = port;
		this.mongo = mongo;
		this.accounts = accounts;
		this.notifications = notifications;
	}

	/**
	 * A new account, its address confirmed through the mailed link, signed in: its
	 * browser.
	 */
	public AbuseHarness verifiedMember(String email, String password) throws Exception {
		accounts.signUp(email, password, Locale.ENGLISH);
		AbuseHarness browser = new AbuseHarness(port, mongo);
		Answer verified = browser.send("GET",
				LocalAccountsTestSupport.mailedPath(notifications, email, "/verify-email/"), null, null);
		assertThat(verified.location()).as("verification of " + email).contains("/login");
		signIn(browser, email, password);
		return browser;
	}

	/**
	 * A new local operator, password chosen through the set-password link, signed in: its
	 * browser.
	 */
	public AbuseHarness operator(String email, String password) throws Exception {
		String link = accounts.createOperator(email).setPasswordLink();
		AbuseHarness browser = new AbuseHarness(port, mongo);
		String path = URI.create(link).getRawPath();
		String token = csrf(browser, path);
		Answer set = browser.send("POST", path, FORM, form("password", password, "_csrf", token));
		assertThat(set.location()).as("password set for " + email).contains("/login?reset");
		signIn(browser, email, password);
		return browser;
	}

	/** The CSRF token on {@code page} as {@code browser} sees it. */
	public static String csrf(AbuseHarness browser, String page) throws Exception {
		Answer answer = browser.send("GET", page, null, null, "Accept", "text/html");
		Matcher matcher = CSRF.matcher(answer.body());
		assertThat(matcher.find()).as("a CSRF token on " + page + " (" + answer.status() + ")").isTrue();
		return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
	}

	private static void signIn(AbuseHarness browser, String email, String password) throws Exception {
		Answer signedIn = browser.send("POST", "/login", FORM,
				form("username", email, "password", password, "_csrf", csrf(browser, "/login")));
		assertThat(signedIn.location()).as("signed in as " + email).doesNotContain("error").doesNotContain("/login");
	}

	private static byte[] form(String... pairs) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			body.append(body.isEmpty() ? "" : "&")
				.append(pairs[i])
				.append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

}
