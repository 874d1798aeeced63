package dev.billforge.identity.provisioning;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.billforge.identity.LoginBrand;

/**
 * The desired state of a tenant's realm. {@link KeycloakProvisioner} makes Keycloak match
 * it.
 *
 * @param realm realm name
 * @param displayName realm display name (the product name)
 * @param client the web app's confidential OIDC client
 * @param roles realm roles, name → description
 * @param defaultRole role every new user gets (e.g. member), or null
 * @param theme login theme to write and select, or null to leave the realm's theme alone
 * @param smtp SMTP settings (Keycloak's smtpServer keys, including password), or null to
 * leave them alone
 * @param operator first operator user, or null
 */
public record RealmSpec(String realm, String displayName, ClientSpec client, Map<String, String> roles,
		String defaultRole, ThemeSpec theme, Map<String, String> smtp, OperatorSpec operator) {

	public RealmSpec {
		roles = Map.copyOf(roles);
		smtp = smtp == null ? null : Map.copyOf(smtp);
	}

	/**
	 * @param clientId client id
	 * @param secret client secret
	 * @param rootUrl the tenant's public base URL
	 * @param redirectUris allowed sign-in callback URIs
	 * @param postLogoutRedirectUris allowed URIs after RP-initiated logout
	 * @param webOrigins allowed CORS origins
	 */
	public record ClientSpec(String clientId, String secret, String rootUrl, List<String> redirectUris,
			List<String> postLogoutRedirectUris, List<String> webOrigins) {

		public ClientSpec {
			redirectUris = List.copyOf(redirectUris);
			postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
			webOrigins = List.copyOf(webOrigins);
		}
	}

	/** Login theme written as {@code <themesDir>/<name>/login}. */
	public record ThemeSpec(Path themesDir, String name, LoginBrand brand) {
	}

	/** First operator; the password is set only when the user is created. */
	public record OperatorSpec(String email, String password, String firstName, String lastName, String role) {
	}
}
