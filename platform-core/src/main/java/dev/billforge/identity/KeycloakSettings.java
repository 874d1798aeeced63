package dev.billforge.identity;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Resolved Keycloak coordinates of this tenant: the server, the realm and the issuer.
 *
 * @param serverUrl Keycloak base URL without trailing slash
 * @param realm realm name (defaults to the product tag)
 * @param clientId OIDC client id of the web app
 * @param clientSecret OIDC client secret (may be null when only provisioning reads it)
 */
public record KeycloakSettings(String serverUrl, String realm, String clientId, String clientSecret) {

	/** Property holding the product tag, the default realm name. */
	public static final String PRODUCT_TAG_PROPERTY = "billforge.product.tag";

	private static final Pattern ISSUER = Pattern.compile("^(https?://.+)/realms/([^/]+)/?$");

	private static final Pattern REALM_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

	public KeycloakSettings {
		if (!StringUtils.hasText(serverUrl)) {
			throw new IllegalArgumentException("billforge.identity.keycloak.server-url (KEYCLOAK_URL) is empty");
		}
		serverUrl = stripTrailingSlash(serverUrl.trim());
		URI parsed = URI.create(serverUrl);
		if (parsed.getScheme() == null || parsed.getHost() == null) {
			throw new IllegalArgumentException("billforge.identity.keycloak.server-url (KEYCLOAK_URL) must be an "
					+ "absolute http(s) URL, got '" + serverUrl + "'");
		}
		if (!StringUtils.hasText(realm) || !REALM_NAME.matcher(realm).matches()) {
			throw new IllegalArgumentException(
					"Keycloak realm must be set (billforge.identity.keycloak.realm / " + "KEYCLOAK_REALM, default: "
							+ PRODUCT_TAG_PROPERTY + ") and use letters, digits, '_', '-', '.'; got '" + realm + "'");
		}
		if (!StringUtils.hasText(clientId)) {
			throw new IllegalArgumentException("billforge.identity.keycloak.client-id (KEYCLOAK_CLIENT_ID) is empty");
		}
	}

	/**
	 * True when Keycloak sign-in is configured (a server URL or an issuer URI is set).
	 */
	public static boolean isConfigured(Environment environment) {
		return StringUtils.hasText(environment.getProperty("billforge.identity.keycloak.server-url"))
				|| StringUtils.hasText(environment.getProperty("billforge.identity.keycloak.issuer-uri"));
	}

	/**
	 * Resolves the settings, taking server and realm from the issuer URI when one is
	 * given.
	 */
	public static KeycloakSettings resolve(KeycloakProperties properties, Environment environment) {
		String serverUrl = properties.getServerUrl();
		String realm = properties.getRealm();
		if (StringUtils.hasText(properties.getIssuerUri())) {
			Matcher m = ISSUER.matcher(properties.getIssuerUri().trim());
			if (!m.matches()) {
				throw new IllegalArgumentException(
						"billforge.identity.keycloak.issuer-uri (KEYCLOAK_ISSUER_URI) must look like "
								+ "https://host/realms/<realm>, got '" + properties.getIssuerUri() + "'");
			}
			if (!StringUtils.hasText(serverUrl)) {
				serverUrl = m.group(1);
			}
			if (!StringUtils.hasText(realm)) {
				realm = m.group(2);
			}
		}
		if (!StringUtils.hasText(realm)) {
			realm = environment.getProperty(PRODUCT_TAG_PROPERTY);
		}
		return new KeycloakSettings(serverUrl, realm, properties.getClientId(), properties.getClientSecret());
	}

	/** The realm's issuer, e.g. http://localhost:8180/realms/acme_docs. */
	public String issuerUri() {
		return serverUrl + "/realms/" + realm;
	}

	/** The realm's OpenID Connect endpoint base. */
	public String oidcEndpoint(String name) {
		return issuerUri() + "/protocol/openid-connect/" + name;
	}

	/**
	 * Scheme, host and port of the Keycloak server, for the Content-Security-Policy
	 * form-action.
	 */
	public String origin() {
		URI uri = URI.create(serverUrl);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	private static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
