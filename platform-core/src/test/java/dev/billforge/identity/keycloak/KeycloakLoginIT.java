package dev.billforge.identity.keycloak;

import org.springframework.context.annotation.PropertySource;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;
import dev.billforge.identity.LoginBrand;
import dev.billforge.identity.LoginBrandSource;
import dev.billforge.identity.provisioning.KeycloakProvisioner;
import dev.billforge.identity.provisioning.RealmSpecFactory;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import dev.billforge.testsupport.FreshStorageInitializer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.util.HtmlUtils;

/**
 * Signs in through Keycloak's real login form into a minimal app built on platform-core's
 * auto-configuration, and checks identity, role mapping, the operator guard and logout.
 */
// The Keycloak ITs share one server (KeycloakTestServer) and its realms: one at a time.
@ResourceLock("keycloak")
@ContextConfiguration(initializers = FreshStorageInitializer.class)
@SpringBootTest(classes = KeycloakLoginIT.TenantApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakLoginIT {

	private static final KeycloakTestServer KEYCLOAK = KeycloakTestServer.shared();

	private static final String REALM = "it_login";

	private static final String OPERATOR = "operator@login.example";

	private static final String OPERATOR_PASSWORD = "operator-password-1";

	private static final String MEMBER = "member@login.example";

	private static final String MEMBER_PASSWORD = "member-password-1";

	private static final String UNVERIFIED = "unverified@login.example";

	private static final String UNVERIFIED_PASSWORD = "unverified-password-1";

	private static boolean provisioned;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("billforge.product.tag", () -> REALM);
		registry.add("billforge.identity.keycloak.server-url", KEYCLOAK::url);
		registry.add("billforge.identity.keycloak.client-secret", () -> "login-it-secret-0123456789");
		registry.add("billforge.identity.keycloak.admin-username", KEYCLOAK::adminUsername);
		registry.add("billforge.identity.keycloak.admin-password", KEYCLOAK::adminPassword);
		registry.add("billforge.identity.keycloak.first-operator.email", () -> OPERATOR);
		registry.add("billforge.identity.keycloak.first-operator.password", () -> OPERATOR_PASSWORD);
		// The login theme comes from this brand pack (name "Login Lab", primary #7C3AED).
		registry.add("billforge.brand.location", () -> "classpath:login-lab-brand/");
		if (KEYCLOAK.themesDir() != null) {
			registry.add("billforge.identity.keycloak.themes-dir", () -> KEYCLOAK.themesDir().toString());
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	KeycloakProvisioner provisioner;

	@Autowired
	KeycloakProperties properties;

	@Autowired
	KeycloakSettings settings;

	@Autowired
	LoginBrandSource brand;

	/**
	 * Provisions the realm for this app's port (known only once it runs) and adds a plain
	 * member.
	 */
	@BeforeEach
	void provisionRealmOnce() {
		if (provisioned) {
			return;
		}
		try (Keycloak admin = KEYCLOAK.admin()) {
			try {
				admin.realm(REALM).remove();
			}
			catch (NotFoundException alreadyGone) {
				// first run on this Keycloak
			}
			properties.setPublicBaseUrl(appUrl(""));
			provisioner.provision(RealmSpecFactory.create(settings, properties, brand.loginBrand()));
			createUser(admin.realm(REALM), MEMBER, MEMBER_PASSWORD, true);
			createUser(admin.realm(REALM), UNVERIFIED, UNVERIFIED_PASSWORD, false);
		}
		provisioned = true;
	}

	private String appUrl(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void operatorSignsInThroughKeycloaksLoginFormAndSeesTheirIdentityAndRoles() throws Exception {
		BrowserSession browser = new BrowserSession();

		HttpResponse<String> page = browser.signIn(appUrl("/"), OPERATOR, OPERATOR_PASSWORD);

		assertThat(page.statusCode()).isEqualTo(200);
		// Back on the page first asked for (Spring Security marks the replayed request
		// with ?continue).
		assertThat(page.uri().toString()).startsWith(appUrl("/"));
		assertThat(page.uri().getPath()).isEqualTo("/");
		assertThat(page.body()).contains("Email " + OPERATOR, "ROLE_OPERATOR", "ROLE_MEMBER");
		// The principal is Keycloak's stable subject (a user id), not the username or
		// address.
		assertThat(page.body()).containsPattern("Signed in as [0-9a-f]{8}-[0-9a-f]{4}-")
			.doesNotContain("Signed in as " + OPERATOR);
		assertThat(browser.get(appUrl("/operator")).statusCode()).isEqualTo(200);
		assertThat(browser.get(appUrl("/operator")).body()).contains("Operator console");
	}

	@Test
	void memberWithoutTheOperatorRoleIsRefusedTheOperatorConsole() throws Exception {
		BrowserSession browser = new BrowserSession();

		HttpResponse<String> page = browser.signIn(appUrl("/"), MEMBER, MEMBER_PASSWORD);

		assertThat(page.body()).contains("Email " + MEMBER, "ROLE_MEMBER").doesNotContain("ROLE_OPERATOR");
		assertThat(browser.get(appUrl("/operator")).statusCode()).isEqualTo(403);
	}

	@Test
	void wrongPasswordStaysOnKeycloaksLoginFormAndGrantsNoSession() throws Exception {
		BrowserSession browser = new BrowserSession();

		HttpResponse<String> page = browser.signIn(appUrl("/"), MEMBER, "not-the-password");

		assertThat(page.uri().toString()).startsWith(KEYCLOAK.url());
		assertThat(page.body()).contains("Invalid username or password");
		assertThat(browser.get(appUrl("/")).uri().toString()).startsWith(KEYCLOAK.url());
	}

	@Test
	void keycloakLoginPageCarriesTheTenantsBrand() throws Exception {
		HttpResponse<String> loginPage = new BrowserSession().get(appUrl("/"));

		assertThat(loginPage.uri().toString()).startsWith(KEYCLOAK.url() + "/realms/" + REALM + "/");
		assertThat(loginPage.body()).contains("Login Lab");
		if (KEYCLOAK.themesDir() != null) {
			assertThat(loginPage.body()).contains("/login/" + REALM + "/css/brand.css");
			String css = loginPage.body().replaceAll("(?s).*href=\"([^\"]*brand\\.css)\".*", "$1");
			assertThat(new BrowserSession().get(KEYCLOAK.url() + HtmlUtils.htmlUnescape(css)).body())
				.contains("#7C3AED");
		}
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicy() throws Exception {
		BrowserSession browser = new BrowserSession();
		HttpResponse<String> page = browser.signIn(appUrl("/"), MEMBER, MEMBER_PASSWORD);

		String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
		assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
				"form-action 'self' " + KEYCLOAK.url());
		assertThat(csp).doesNotContain("unsafe-inline");
	}

	@Test
	void logoutEndsTheKeycloakSessionToo() throws Exception {
		BrowserSession browser = new BrowserSession();
		HttpResponse<String> page = browser.signIn(appUrl("/"), MEMBER, MEMBER_PASSWORD);
		assertThat(page.body()).contains("Email " + MEMBER);

		HttpResponse<String> afterLogout = browser.post(appUrl("/logout"),
				Map.of("_csrf", BrowserSession.csrfToken(page.body())));

		// RP-initiated logout: Keycloak ends its session and sends the browser back to
		// the app, which
		// needs a fresh sign-in, so the person lands on Keycloak's login form again.
		assertThat(afterLogout.uri().toString()).startsWith(KEYCLOAK.url() + "/realms/" + REALM + "/");
		BrowserSession.loginFormAction(afterLogout);
		assertThat(browser.get(appUrl("/operator")).uri().toString()).startsWith(KEYCLOAK.url());
	}

	@Test
	void logoutWithoutCsrfTokenIsRefused() throws Exception {
		BrowserSession browser = new BrowserSession();
		browser.signIn(appUrl("/"), MEMBER, MEMBER_PASSWORD);

		HttpResponse<String> refused = browser.post(appUrl("/logout"), Map.of());

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(browser.get(appUrl("/")).body()).contains("Email " + MEMBER);
	}

	@Test
	void anUnverifiedAddressGetsNoSessionInTheApp() throws Exception {
		BrowserSession browser = new BrowserSession();

		HttpResponse<String> page = browser.signIn(appUrl("/"), UNVERIFIED, UNVERIFIED_PASSWORD);

		// The provisioned realm requires a verified address: Keycloak holds the person on
		// its own
		// pages (verify your email) and never sends them back to the app with a code.
		assertThat(page.uri().toString()).startsWith(KEYCLOAK.url());
		assertThat(page.body()).doesNotContain("Email " + UNVERIFIED);
		assertThat(browser.get(appUrl("/")).uri().toString()).startsWith(KEYCLOAK.url());
	}

	private static void createUser(RealmResource realm, String email, String secret, boolean verified) {
		UserRepresentation user = new UserRepresentation();
		user.setUsername(email);
		user.setEmail(email);
		user.setEmailVerified(verified);
		user.setEnabled(true);
		user.setFirstName("Mia");
		user.setLastName("Member");
		CredentialRepresentation password = new CredentialRepresentation();
		password.setType(CredentialRepresentation.PASSWORD);
		password.setValue(secret);
		password.setTemporary(false);
		user.setCredentials(List.of(password));
		try (Response response = realm.users().create(user)) {
			assertThat(response.getStatus()).isEqualTo(201);
		}
	}

	/**
	 * A tenant app reduced to what the test needs: platform-core's auto-configuration and
	 * two pages.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TenantApp.Pages.class)
	@PropertySource("classpath:identity-test-app.properties")
	static class TenantApp {

		@RestController
		static class Pages {

			@GetMapping(value = "/", produces = "text/html")
			String home(Authentication authentication, CsrfToken csrf) {
				String authorities = authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.sorted()
					.collect(Collectors.joining(", "));
				String email = authentication.getPrincipal() instanceof OidcUser oidc ? oidc.getEmail() : "";
				return "<html><body><p>Signed in as " + HtmlUtils.htmlEscape(authentication.getName()) + "</p>"
						+ "<p>Email " + HtmlUtils.htmlEscape(email) + "</p>" + "<p>Authorities: "
						+ HtmlUtils.htmlEscape(authorities) + "</p>"
						+ "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"_csrf\" value=\""
						+ csrf.getToken() + "\"><button>Sign out</button></form></body></html>";
			}

			@GetMapping(value = "/operator", produces = "text/html")
			String operator() {
				return "<html><body><h1>Operator console</h1></body></html>";
			}

		}

	}

}
