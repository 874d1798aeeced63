package dev.billforge.identity.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;
import dev.billforge.identity.LoginBrand;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RealmSpecFactoryTest {

	private final LoginBrand brand = new LoginBrand("Acme Docs", "#0F766E", null);

	private KeycloakProperties properties() {
		KeycloakProperties properties = new KeycloakProperties();
		properties.setServerUrl("http://keycloak:8080");
		properties.setClientSecret("s3cret");
		properties.setPublicBaseUrl("https://docs.acme.test/");
		return properties;
	}

	private RealmSpec create(KeycloakProperties properties) {
		MockEnvironment environment = new MockEnvironment().withProperty("billforge.product.tag", "acme_docs");
		return RealmSpecFactory.create(KeycloakSettings.resolve(properties, environment), properties, brand);
	}

	@Test
	void redirectUrisComeFromThePublicBaseUrlAndTheRealmFromTheProductTag() {
		RealmSpec spec = create(properties());

		assertThat(spec.realm()).isEqualTo("acme_docs");
		assertThat(spec.displayName()).isEqualTo("Acme Docs");
		assertThat(spec.client().redirectUris()).containsExactly("https://docs.acme.test/login/oauth2/code/keycloak");
		assertThat(spec.client().postLogoutRedirectUris()).containsExactly("https://docs.acme.test/*");
		assertThat(spec.client().webOrigins()).containsExactly("https://docs.acme.test");
		assertThat(spec.roles()).containsOnlyKeys("operator", "member");
		assertThat(spec.defaultRole()).isEqualTo("member");
		assertThat(spec.theme()).isNull();
		assertThat(spec.smtp()).isNull();
		assertThat(spec.operator()).isNull();
	}

	@Test
	void smtpAndOperatorAreIncludedWhenConfigured() {
		KeycloakProperties properties = properties();
		properties.setThemesDir("/opt/keycloak/themes");
		properties.getSmtp().setHost("mail.acme.test");
		properties.getSmtp().setFrom("no-reply@acme.test");
		properties.getFirstOperator().setEmail("Ops@Acme.test");
		properties.getFirstOperator().setPassword("long-password");

		RealmSpec spec = create(properties);

		assertThat(spec.theme().name()).isEqualTo("acme_docs");
		assertThat(spec.smtp()).containsEntry("fromDisplayName", "Acme Docs")
			.containsEntry("auth", "false")
			.doesNotContainKey("password");
		assertThat(spec.operator().email()).isEqualTo("ops@acme.test");
		assertThat(spec.operator().role()).isEqualTo("operator");
	}

	@Test
	void missingSettingsAreNamedWithTheirEnvironmentVariables() {
		KeycloakProperties noBase = properties();
		noBase.setPublicBaseUrl(null);
		assertThatThrownBy(() -> create(noBase)).hasMessageContaining("PUBLIC_BASE_URL");

		KeycloakProperties noSecret = properties();
		noSecret.setClientSecret(null);
		assertThatThrownBy(() -> create(noSecret)).hasMessageContaining("KEYCLOAK_CLIENT_SECRET");

		KeycloakProperties operatorWithoutPassword = properties();
		operatorWithoutPassword.getFirstOperator().setEmail("ops@acme.test");
		assertThatThrownBy(() -> create(operatorWithoutPassword)).hasMessageContaining("KEYCLOAK_OPERATOR_PASSWORD");

		KeycloakProperties smtpWithoutFrom = properties();
		smtpWithoutFrom.getSmtp().setHost("mail.acme.test");
		assertThatThrownBy(() -> create(smtpWithoutFrom)).hasMessageContaining("KEYCLOAK_SMTP_FROM");
	}

}
