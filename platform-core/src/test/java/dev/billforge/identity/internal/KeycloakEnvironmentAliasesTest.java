package dev.billforge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KeycloakEnvironmentAliasesTest {

	private static StandardEnvironment environment(Map<String, Object> values) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		new KeycloakEnvironmentAliases().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

	@Test
	void shortEnvironmentVariablesSetTheKeycloakProperties() {
		StandardEnvironment environment = environment(Map.of("KEYCLOAK_URL", "http://kc:8080", "KEYCLOAK_CLIENT_SECRET",
				"s", "KEYCLOAK_SMTP_HOST", "mail", "KEYCLOAK_BACKCHANNEL_URL", "http://keycloak:8080"));

		assertThat(environment.getProperty("billforge.identity.keycloak.server-url")).isEqualTo("http://kc:8080");
		assertThat(environment.getProperty("billforge.identity.keycloak.client-secret")).isEqualTo("s");
		assertThat(environment.getProperty("billforge.identity.keycloak.smtp.host")).isEqualTo("mail");
		assertThat(environment.getProperty("billforge.identity.keycloak.backchannel-url"))
			.isEqualTo("http://keycloak:8080");
	}

	@Test
	void anExplicitPropertyWinsOverTheShortVariable() {
		StandardEnvironment environment = environment(
				Map.of("KEYCLOAK_REALM", "from-env", "billforge.identity.keycloak.realm", "explicit"));

		assertThat(environment.getProperty("billforge.identity.keycloak.realm")).isEqualTo("explicit");
	}

	@Test
	void aProvisioningRunDoesNotStartTheWebServer() {
		assertThat(environment(Map.of("KEYCLOAK_PROVISION", "true")).getProperty("spring.main.web-application-type"))
			.isEqualTo("none");
		assertThat(environment(Map.of()).getProperty("spring.main.web-application-type")).isNull();
	}

}
