package dev.billforge.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Maps short environment variables (KEYCLOAK_URL, ...) onto
 * {@code billforge.identity.keycloak.*} with the lowest precedence, so any explicit
 * property still wins. Also turns a provisioning run
 * ({@code billforge.identity.keycloak.provision=true}) into a non-web application, so
 * provisioning never binds the tenant's HTTP port.
 */
public final class KeycloakEnvironmentAliases implements EnvironmentPostProcessor {

	/** Environment variable → property. Documented in docs/identity.md. */
	public static final Map<String, String> ALIASES = aliases();

	private static final String PREFIX = "billforge.identity.keycloak.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> values = new LinkedHashMap<>();
		ALIASES.forEach((variable, property) -> {
			String value = environment.getProperty(variable);
			if (StringUtils.hasText(value)) {
				values.put(property, value);
			}
		});
		if (!values.isEmpty()) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("billforgeKeycloakEnvironmentAliases", values));
		}
		if (Boolean.parseBoolean(environment.getProperty(PREFIX + "provision", "false"))) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("billforgeKeycloakProvisioning",
						Map.of("spring.main.web-application-type", "none")));
		}
	}

	private static Map<String, String> aliases() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("KEYCLOAK_URL", PREFIX + "server-url");
		map.put("KEYCLOAK_ISSUER_URI", PREFIX + "issuer-uri");
		map.put("KEYCLOAK_BACKCHANNEL_URL", PREFIX + "backchannel-url");
		map.put("KEYCLOAK_REALM", PREFIX + "realm");
		map.put("KEYCLOAK_CLIENT_ID", PREFIX + "client-id");
		map.put("KEYCLOAK_CLIENT_SECRET", PREFIX + "client-secret");
		map.put("PUBLIC_BASE_URL", PREFIX + "public-base-url");
		map.put("KEYCLOAK_ADMIN_REALM", PREFIX + "admin-realm");
		map.put("KEYCLOAK_ADMIN_USERNAME", PREFIX + "admin-username");
		map.put("KEYCLOAK_ADMIN_PASSWORD", PREFIX + "admin-password");
		map.put("KEYCLOAK_THEMES_DIR", PREFIX + "themes-dir");
		map.put("KEYCLOAK_PROVISION", PREFIX + "provision");
		map.put("KEYCLOAK_SMTP_HOST", PREFIX + "smtp.host");
		map.put("KEYCLOAK_SMTP_PORT", PREFIX + "smtp.port");
		map.put("KEYCLOAK_SMTP_FROM", PREFIX + "smtp.from");
		map.put("KEYCLOAK_SMTP_FROM_NAME", PREFIX + "smtp.from-display-name");
		map.put("KEYCLOAK_SMTP_USERNAME", PREFIX + "smtp.username");
		map.put("KEYCLOAK_SMTP_PASSWORD", PREFIX + "smtp.password");
		map.put("KEYCLOAK_SMTP_STARTTLS", PREFIX + "smtp.starttls");
		map.put("KEYCLOAK_SMTP_SSL", PREFIX + "smtp.ssl");
		map.put("KEYCLOAK_OPERATOR_EMAIL", PREFIX + "first-operator.email");
		map.put("KEYCLOAK_OPERATOR_PASSWORD", PREFIX + "first-operator.password");
		return java.util.Collections.unmodifiableMap(map);
	}

}
