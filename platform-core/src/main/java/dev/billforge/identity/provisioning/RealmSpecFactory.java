package dev.billforge.identity.provisioning;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;
import dev.billforge.identity.LoginBrand;
import dev.billforge.identity.internal.KeycloakClientRegistrations;
import org.springframework.util.StringUtils;

/**
 * Derives a tenant's desired realm ({@link RealmSpec}) from its configuration and brand.
 */
public final class RealmSpecFactory {

	/** Realm role of the people who run the platform; grants the operator console. */
	public static final String OPERATOR_ROLE = "operator";

	/** Realm role every user gets. */
	public static final String MEMBER_ROLE = "member";

	private RealmSpecFactory() {
	}

	public static RealmSpec create(KeycloakSettings settings, KeycloakProperties properties, LoginBrand brand) {
		String base = publicBaseUrl(properties.getPublicBaseUrl());
		if (!StringUtils.hasText(settings.clientSecret())) {
			throw new IllegalArgumentException(
					"billforge.identity.keycloak.client-secret (KEYCLOAK_CLIENT_SECRET) must be set: "
							+ "provisioning gives the web app's client this secret (e.g. generate one with 'openssl rand -hex 32')");
		}
		RealmSpec.ClientSpec client = new RealmSpec.ClientSpec(settings.clientId(), settings.clientSecret(), base,
				List.of(base + "/login/oauth2/code/" + KeycloakClientRegistrations.REGISTRATION_ID),
				List.of(base + "/*"), List.of(origin(base)));
		Map<String, String> roles = Map.of(OPERATOR_ROLE, "Runs the platform: operator console", MEMBER_ROLE,
				"Every signed-up user");
		RealmSpec.ThemeSpec theme = StringUtils.hasText(properties.getThemesDir())
				? new RealmSpec.ThemeSpec(Path.of(properties.getThemesDir()), settings.realm(), brand) : null;
		return new RealmSpec(settings.realm(), brand.productName(), client, roles, MEMBER_ROLE, theme,
				smtp(properties.getSmtp(), brand), operator(properties.getFirstOperator()));
	}

	private static String publicBaseUrl(String configured) {
		if (!StringUtils.hasText(configured)) {
			throw new IllegalArgumentException(
					"billforge.identity.keycloak.public-base-url (PUBLIC_BASE_URL) must be set for "
							+ "provisioning: the client's redirect URIs are derived from it, e.g. https://docs.example.com");
		}
		String base = configured.trim();
		base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		URI uri = URI.create(base);
		if (uri.getScheme() == null || uri.getHost() == null
				|| !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
			throw new IllegalArgumentException(
					"billforge.identity.keycloak.public-base-url (PUBLIC_BASE_URL) must be an absolute "
							+ "http(s) URL, got '" + configured + "'");
		}
		return base;
	}

	private static String origin(String base) {
		URI uri = URI.create(base);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	private static Map<String, String> smtp(KeycloakProperties.Smtp smtp, LoginBrand brand) {
		if (!StringUtils.hasText(smtp.getHost())) {
			return null;
		}
		if (!StringUtils.hasText(smtp.getFrom())) {
			throw new IllegalArgumentException("billforge.identity.keycloak.smtp.from (KEYCLOAK_SMTP_FROM) must be set "
					+ "when an SMTP host is configured");
		}
		Map<String, String> map = new LinkedHashMap<>();
		map.put("host", smtp.getHost().trim());
		map.put("port", String.valueOf(smtp.getPort()));
		map.put("from", smtp.getFrom().trim());
		map.put("fromDisplayName",
				StringUtils.hasText(smtp.getFromDisplayName()) ? smtp.getFromDisplayName() : brand.productName());
		map.put("starttls", String.valueOf(smtp.isStarttls()));
		map.put("ssl", String.valueOf(smtp.isSsl()));
		boolean auth = StringUtils.hasText(smtp.getUsername());
		map.put("auth", String.valueOf(auth));
		if (auth) {
			map.put("user", smtp.getUsername());
			if (StringUtils.hasText(smtp.getPassword())) {
				map.put("password", smtp.getPassword());
			}
		}
		return map;
	}

	private static RealmSpec.OperatorSpec operator(KeycloakProperties.FirstOperator operator) {
		if (!StringUtils.hasText(operator.getEmail())) {
			return null;
		}
		if (!StringUtils.hasText(operator.getPassword())) {
			throw new IllegalArgumentException(
					"billforge.identity.keycloak.first-operator.password (KEYCLOAK_OPERATOR_PASSWORD) "
							+ "must be set when first-operator.email is set");
		}
		return new RealmSpec.OperatorSpec(operator.getEmail().trim().toLowerCase(java.util.Locale.ROOT),
				operator.getPassword(), operator.getFirstName(), operator.getLastName(), OPERATOR_ROLE);
	}

}
