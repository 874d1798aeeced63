package dev.billforge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import dev.billforge.testsupport.FreshStorageInitializer;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Without Keycloak: form login against the UserDetailsService the application supplies.
 */
@ContextConfiguration(initializers = FreshStorageInitializer.class)
@SpringBootTest(classes = { IdentityTestApp.class, LocalAccountsBrowserSecurityTest.Accounts.class },
		properties = "billforge.identity.web.public-paths=/pricing")
@AutoConfigureMockMvc
class LocalAccountsBrowserSecurityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Configuration(proxyBeanMethods = false)
	static class Accounts {

		/** Stands in for the local account store that lives elsewhere. */
		@Bean
		UserDetailsService users(PasswordEncoder encoder) {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice@acme.test")
						.password(encoder.encode("alice-password"))
						.roles("MEMBER")
						.build(),
					User.withUsername("olga@acme.test")
						.password(encoder.encode("olga-password"))
						.roles("MEMBER", "OPERATOR")
						.build());
		}

		@Bean
		BrowserSecurityCustomizer openHello() {
			return http -> http.authorizeHttpRequests(auth -> auth.requestMatchers("/hello").permitAll());
		}

	}

	@Test
	void anonymousVisitorIsSentToTheLoginPage() throws Exception {
		mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void signInWithTheRightPasswordLandsOnTheAppWithANewSessionId() throws Exception {
		MockHttpSession session = new MockHttpSession(null, "before-sign-in");

		MvcResult result = mvc
			.perform(post("/login").param("username", "alice@acme.test")
				.param("password", "alice-password")
				.with(csrf())
				.session(session))
			.andExpect(redirectedUrl("/"))
			.andReturn();

		assertThat(result.getRequest().getSession().getId()).isNotEqualTo("before-sign-in");
		mvc.perform(get("/").session((MockHttpSession) result.getRequest().getSession()))
			.andExpect(status().isOk())
			.andExpect(content().string("Signed in as alice@acme.test"));
	}

	@Test
	void wrongPasswordIsRefused() throws Exception {
		mvc.perform(formLogin().user("alice@acme.test").password("nope")).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void formsWithoutCsrfTokenAreRejected() throws Exception {
		mvc.perform(post("/login").param("username", "alice@acme.test").param("password", "alice-password"))
			.andExpect(status().isForbidden());
	}

	@Test
	void operatorConsoleNeedsTheOperatorRole() throws Exception {
		mvc.perform(get("/operator")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("alice@acme.test")
				.roles("MEMBER")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/operator")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("olga@acme.test")
				.roles("MEMBER", "OPERATOR")))
			.andExpect(status().isOk());
	}

	@Test
	void configuredPublicPathsAndCustomizerRulesAreOpenToEveryone() throws Exception {
		mvc.perform(get("/pricing")).andExpect(status().isOk());
		mvc.perform(get("/hello")).andExpect(status().isOk());
	}

	@Test
	void everyPageCarriesAStrictContentSecurityPolicyAndNoFraming() throws Exception {
		mvc.perform(get("/pricing"))
			.andExpect(header().string("Content-Security-Policy", ContentSecurityPolicy.strict(null)))
			.andExpect(header().string("X-Frame-Options", "DENY"));
		assertThat(ContentSecurityPolicy.strict(null)).doesNotContain("unsafe-inline").contains("script-src 'self'");
	}

	@Test
	void logoutNeedsCsrfAndThenEndsTheSession() throws Exception {
		mvc.perform(post("/logout")).andExpect(status().isForbidden());
		mvc.perform(logout()).andExpect(redirectedUrl("/"));
		mvc.perform(post("/logout").with(csrf())).andExpect(redirectedUrl("/"));
	}

	@Test
	void localModeHasNoKeycloakClient() {
		assertThat(context.getBeanNamesForType(ClientRegistrationRepository.class)).isEmpty();
	}

}
