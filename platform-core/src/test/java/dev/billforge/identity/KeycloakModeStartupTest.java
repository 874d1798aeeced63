package dev.billforge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Keycloak mode while Keycloak is unreachable (port 9 on loopback): the tenant still
 * starts, because the client registration is built without OIDC discovery, and sends
 * people to Keycloak.
 */
@ContextConfiguration(initializers = FreshStorageInitializer.class)
@SpringBootTest(classes = IdentityTestApp.class,
		properties = { "billforge.product.tag=acme_docs", "billforge.identity.keycloak.server-url=http://127.0.0.1:9",
				"billforge.identity.keycloak.client-secret=s3cret" })
@AutoConfigureMockMvc
class KeycloakModeStartupTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClientRegistrationRepository registrations;

	@Autowired
	ApplicationContext context;

	@Test
	void startsWithoutKeycloakAndRegistersTheRealmsEndpoints() {
		ClientRegistration keycloak = registrations.findByRegistrationId("keycloak");

		assertThat(keycloak.getProviderDetails().getIssuerUri()).isEqualTo("http://127.0.0.1:9/realms/acme_docs");
		assertThat(keycloak.getProviderDetails().getAuthorizationUri())
			.isEqualTo("http://127.0.0.1:9/realms/acme_docs/protocol/openid-connect/auth");
		assertThat(keycloak.getProviderDetails().getConfigurationMetadata()).containsEntry("end_session_endpoint",
				"http://127.0.0.1:9/realms/acme_docs/protocol/openid-connect/logout");
		assertThat(keycloak.getClientId()).isEqualTo("billforge-web");
		assertThat(keycloak.getScopes()).contains("openid");
	}

	@Test
	void anonymousVisitorIsSentToKeycloak() throws Exception {
		mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
		MvcResult authorize = mvc.perform(get("/oauth2/authorization/keycloak"))
			.andExpect(status().isFound())
			.andReturn();

		assertThat(authorize.getResponse().getRedirectedUrl())
			.startsWith("http://127.0.0.1:9/realms/acme_docs/protocol/openid-connect/auth?")
			.contains("client_id=billforge-web", "redirect_uri=http://localhost/login/oauth2/code/keycloak");
	}

	@Test
	void formsMayPostToKeycloakForLogoutButNothingElseIsLoosened() throws Exception {
		mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", ContentSecurityPolicy.strict("http://127.0.0.1:9")));
	}

	@Test
	void noGeneratedLocalUserExistsInKeycloakMode() {
		assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
	}

}
