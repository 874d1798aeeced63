package dev.billforge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;

class KeycloakClientRegistrationsTest {

	private static KeycloakSettings browserFacing() {
		KeycloakProperties properties = new KeycloakProperties();
		properties.setServerUrl("http://localhost:8180");
		properties.setRealm("doc_router");
		properties.setClientSecret("secret");
		return KeycloakSettings.resolve(properties, new MockEnvironment());
	}

	@Test
	void browserIsSentToTheServerUrlWhileTheAppCallsKeycloakOnTheBackChannel() {
		ClientRegistration registration = KeycloakClientRegistrations.of(browserFacing(), "http://localhost:8080",
				"http://keycloak:8080/");

		ClientRegistration.ProviderDetails provider = registration.getProviderDetails();
		assertThat(provider.getAuthorizationUri())
			.isEqualTo("http://localhost:8180/realms/doc_router/protocol/openid-connect/auth");
		assertThat(provider.getIssuerUri()).isEqualTo("http://localhost:8180/realms/doc_router");
		assertThat(provider.getConfigurationMetadata().get("end_session_endpoint"))
			.isEqualTo("http://localhost:8180/realms/doc_router/protocol/openid-connect/logout");
		assertThat(provider.getTokenUri())
			.isEqualTo("http://keycloak:8080/realms/doc_router/protocol/openid-connect/token");
		assertThat(provider.getUserInfoEndpoint().getUri())
			.isEqualTo("http://keycloak:8080/realms/doc_router/protocol/openid-connect/userinfo");
		assertThat(provider.getJwkSetUri())
			.isEqualTo("http://keycloak:8080/realms/doc_router/protocol/openid-connect/certs");
	}

	@Test
	void withoutBackChannelEveryEndpointUsesTheServerUrl() {
		ClientRegistration registration = KeycloakClientRegistrations.of(browserFacing(), null, " ");

		assertThat(registration.getProviderDetails().getTokenUri())
			.isEqualTo("http://localhost:8180/realms/doc_router/protocol/openid-connect/token");
	}

}
