package dev.billforge.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keycloak settings of one tenant deployment ({@code billforge.identity.keycloak.*}).
 *
 * <p>
 * Setting {@code server-url} (or {@code issuer-uri}) switches browser sign-in from local
 * accounts to Keycloak (OIDC). Short environment variables (KEYCLOAK_URL, ...) are mapped
 * onto these properties by {@code KeycloakEnvironmentAliases}; see docs/identity.md for
 * the list.
 */
@ConfigurationProperties("billforge.identity.keycloak")
public class KeycloakProperties {

	/**
	 * Base URL of the Keycloak server, e.g. http://localhost:8180. Enables Keycloak
	 * sign-in. Env: KEYCLOAK_URL.
	 */
	private String serverUrl;

	/**
	 * Keycloak base URL this server uses for its own calls (token, userinfo, keys, admin
	 * API), when it differs from the browser-facing server-url — e.g.
	 * http://keycloak:8080 inside a compose network while browsers use
	 * http://localhost:8180. The issuer stays server-url. Env: KEYCLOAK_BACKCHANNEL_URL.
	 */
	private String backchannelUrl;

	/**
	 * Issuer URI (server-url/realms/realm). Alternative to server-url + realm. Env:
	 * KEYCLOAK_ISSUER_URI.
	 */
	private String issuerUri;

	/**
	 * Realm of this tenant. Defaults to the product tag (billforge.product.tag). Env:
	 * KEYCLOAK_REALM.
	 */
	private String realm;

	/** OIDC client id of the tenant's web app in the realm. Env: KEYCLOAK_CLIENT_ID. */
	private String clientId = "billforge-web";

	/** OIDC client secret (confidential client). Env: KEYCLOAK_CLIENT_SECRET. */
	private String clientSecret;

	/**
	 * Public base URL of the tenant (scheme, host, port), used for redirect URIs. Env:
	 * PUBLIC_BASE_URL.
	 */
	private String publicBaseUrl;

	/** Realm holding the admin user used for provisioning. Env: KEYCLOAK_ADMIN_REALM. */
	private String adminRealm = "master";

	/** Client used by the admin user to obtain a token. */
	private String adminClientId = "admin-cli";

	/** Keycloak admin user name (provisioning only). Env: KEYCLOAK_ADMIN_USERNAME. */
	private String adminUsername;

	/** Keycloak admin password (provisioning only). Env: KEYCLOAK_ADMIN_PASSWORD. */
	private String adminPassword;

	/**
	 * Keycloak's themes directory (e.g. /opt/keycloak/themes, mounted into the
	 * container). The login theme is written there. Without it no theme is written and
	 * the realm keeps Keycloak's theme. Env: KEYCLOAK_THEMES_DIR.
	 */
	private String themesDir;

	/**
	 * Run provisioning and exit (0 ok, 1 failed) instead of serving. Env:
	 * KEYCLOAK_PROVISION.
	 */
	private boolean provision;

	/** Outgoing mail of the realm (verification and password-reset emails). */
	private final Smtp smtp = new Smtp();

	/** The first operator user, created by provisioning with the operator role. */
	private final FirstOperator firstOperator = new FirstOperator();

	/** Brand values for the login theme until a brand pack supplies them. */
	private final Theme theme = new Theme();

	public String getServerUrl() {
		return serverUrl;
	}

	public void setServerUrl(String serverUrl) {
		this.serverUrl = serverUrl;
	}

	public String getBackchannelUrl() {
		return backchannelUrl;
	}

	public void setBackchannelUrl(String backchannelUrl) {
		this.backchannelUrl = backchannelUrl;
	}

	public String getIssuerUri() {
		return issuerUri;
	}

	public void setIssuerUri(String issuerUri) {
		this.issuerUri = issuerUri;
	}

	public String getRealm() {
		return realm;
	}

	public void setRealm(String realm) {
		this.realm = realm;
	}

	public String getClientId() {
		return clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	public String getClientSecret() {
		return clientSecret;
	}

	public void setClientSecret(String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public String getPublicBaseUrl() {
		return publicBaseUrl;
	}

	public void setPublicBaseUrl(String publicBaseUrl) {
		this.publicBaseUrl = publicBaseUrl;
	}

	public String getAdminRealm() {
		return adminRealm;
	}

	public void setAdminRealm(String adminRealm) {
		this.adminRealm = adminRealm;
	}

	public String getAdminClientId() {
		return adminClientId;
	}

	public void setAdminClientId(String adminClientId) {
		this.adminClientId = adminClientId;
	}

	public String getAdminUsername() {
		return adminUsername;
	}

	public void setAdminUsername(String adminUsername) {
		this.adminUsername = adminUsername;
	}

	public String getAdminPassword() {
		return adminPassword;
	}

	public void setAdminPassword(String adminPassword) {
		this.adminPassword = adminPassword;
	}

	public String getThemesDir() {
		return themesDir;
	}

	public void setThemesDir(String themesDir) {
		this.themesDir = themesDir;
	}

	public boolean isProvision() {
		return provision;
	}

	public void setProvision(boolean provision) {
		this.provision = provision;
	}

	public Smtp getSmtp() {
		return smtp;
	}

	public FirstOperator getFirstOperator() {
		return firstOperator;
	}

	public Theme getTheme() {
		return theme;
	}

	/** SMTP server of the realm; leave host empty to keep the realm without mail. */
	public static class Smtp {

		/** SMTP host. Env: KEYCLOAK_SMTP_HOST. */
		private String host;

		/** SMTP port. Env: KEYCLOAK_SMTP_PORT. */
		private int port = 587;

		/** Sender address. Env: KEYCLOAK_SMTP_FROM. */
		private String from;

		/**
		 * Sender display name; defaults to the product name. Env:
		 * KEYCLOAK_SMTP_FROM_NAME.
		 */
		private String fromDisplayName;

		/** SMTP user; empty for no authentication. Env: KEYCLOAK_SMTP_USERNAME. */
		private String username;

		/** SMTP password. Env: KEYCLOAK_SMTP_PASSWORD. */
		private String password;

		/** Use STARTTLS. Env: KEYCLOAK_SMTP_STARTTLS. */
		private boolean starttls = true;

		/** Use SMTPS (TLS from the first byte). Env: KEYCLOAK_SMTP_SSL. */
		private boolean ssl;

		public String getHost() {
			return host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public int getPort() {
			return port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public String getFrom() {
			return from;
		}

		public void setFrom(String from) {
			this.from = from;
		}

		public String getFromDisplayName() {
			return fromDisplayName;
		}

		public void setFromDisplayName(String fromDisplayName) {
			this.fromDisplayName = fromDisplayName;
		}

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public boolean isStarttls() {
			return starttls;
		}

		public void setStarttls(boolean starttls) {
			this.starttls = starttls;
		}

		public boolean isSsl() {
			return ssl;
		}

		public void setSsl(boolean ssl) {
			this.ssl = ssl;
		}

	}

	/** First operator account. */
	public static class FirstOperator {

		/** Email (also the user name). Env: KEYCLOAK_OPERATOR_EMAIL. */
		private String email;

		/**
		 * Initial password, set only when the user is created. Env:
		 * KEYCLOAK_OPERATOR_PASSWORD.
		 */
		private String password;

		/** First name shown in Keycloak. */
		private String firstName = "Platform";

		/** Last name shown in Keycloak. */
		private String lastName = "Operator";

		public String getEmail() {
			return email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getFirstName() {
			return firstName;
		}

		public void setFirstName(String firstName) {
			this.firstName = firstName;
		}

		public String getLastName() {
			return lastName;
		}

		public void setLastName(String lastName) {
			this.lastName = lastName;
		}

	}

	/**
	 * Login theme fallbacks, used only when no brand pack is loaded and no
	 * {@code LoginBrandSource} bean is supplied.
	 */
	public static class Theme {

		/** Primary brand colour, #RGB or #RRGGBB. */
		private String primaryColor = "#2563EB";

		/**
		 * Location of the logo SVG (Spring resource, e.g. classpath:brand/logo.svg);
		 * optional.
		 */
		private String logo;

		public String getPrimaryColor() {
			return primaryColor;
		}

		public void setPrimaryColor(String primaryColor) {
			this.primaryColor = primaryColor;
		}

		public String getLogo() {
			return logo;
		}

		public void setLogo(String logo) {
			this.logo = logo;
		}

	}

}
