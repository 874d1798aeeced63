package dev.billforge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class KeycloakSettingsTest {

	@Test
	void realmDefaultsToTheProductTag() {
		KeycloakProperties properties = new KeycloakProperties();
		properties.setServerUrl("https://id.acme.test/");

		KeycloakSettings settings = KeycloakSettings.resolve(properties,
				new MockEnvironment().withProperty("billforge.product.tag", "acme_docs"));

		assertThat(settings.issuerUri()).isEqualTo("https://id.acme.test/realms/acme_docs");
		assertThat(settings.oidcEndpoint("logout"))
			.isEqualTo("https://id.acme.test/realms/acme_docs/protocol/openid-connect/logout");
		assertThat(settings.origin()).isEqualTo("https://id.acme.test");
	}

	@Test
	void issuerUriGivesServerAndRealm() {
		KeycloakProperties properties = new KeycloakProperties();
		properties.setIssuerUri("https://id.acme.test:8443/auth/realms/docs");

		KeycloakSettings settings = KeycloakSettings.resolve(properties, new MockEnvironment());

		assertThat(settings.serverUrl()).isEqualTo("https://id.acme.test:8443/auth");
		assertThat(settings.realm()).isEqualTo("docs");
	}

	@Test
	void missingRealmAndMalformedIssuerAreExplained() {
		KeycloakProperties noRealm = new KeycloakProperties();
		noRealm.setServerUrl("https://id.acme.test");
		assertThatThrownBy(() -> KeycloakSettings.resolve(noRealm, new MockEnvironment()))
			.hasMessageContaining("KEYCLOAK_REALM")
			.hasMessageContaining("billforge.product.tag");

		KeycloakProperties badIssuer = new KeycloakProperties();
		badIssuer.setIssuerUri("https://id.acme.test/docs");
		assertThatThrownBy(() -> KeycloakSettings.resolve(badIssuer, new MockEnvironment()))
			.hasMessageContaining("KEYCLOAK_ISSUER_URI");
	}

}
