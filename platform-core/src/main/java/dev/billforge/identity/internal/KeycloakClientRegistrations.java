package dev.billforge.identity.internal;

import java.util.Map;

import dev.billforge.identity.KeycloakSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;

/**
 * Builds the Keycloak {@link ClientRegistration} from Keycloak's fixed endpoint layout
 * instead of OIDC discovery, so the tenant starts while Keycloak is down; keys (JWKS) are
 * fetched at the first sign-in.
 */
public final class KeycloakClientRegistrations {

	/** Registration id, part of the callback URL /login/oauth2/code/keycloak. */
	public static final String REGISTRATION_ID = "keycloak";

	private KeycloakClientRegistrations() {
	}

	public static ClientRegistration of(KeycloakSettings settings, String publicBaseUrl) {
		return of(settings, publicBaseUrl, null);
	}

	/**
	 * As {@link #of(KeycloakSettings, String)}; with a back-channel URL the endpoints
	 * this server calls itself (token, userinfo, keys) go there, while the browser is
	 * sent to server-url and the ID token's issuer is still server-url's.
	 */
	public static ClientRegistration of(KeycloakSettings settings, String publicBaseUrl, String backchannelUrl) {
		if (!StringUtils.hasText(settings.clientSecret())) {
			throw new IllegalArgumentException(
					"billforge.identity.keycloak.client-secret (KEYCLOAK_CLIENT_SECRET) must be set "
							+ "for Keycloak sign-in (the client is confidential)");
		}
		String redirectBase = StringUtils.hasText(publicBaseUrl) ? stripSlash(publicBaseUrl.trim()) : "{baseUrl}";
		return ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Keycloak")
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirectBase + "/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.issuerUri(settings.issuerUri())
			.authorizationUri(settings.oidcEndpoint("auth"))
			.tokenUri(serverSide(settings, backchannelUrl, "token"))
			.userInfoUri(serverSide(settings, backchannelUrl, "userinfo"))
			.jwkSetUri(serverSide(settings, backchannelUrl, "certs"))
			// The stable subject, never the username or email a person can change or take
			// over.
			.userNameAttributeName("sub")
			.providerConfigurationMetadata(
					Map.of("issuer", settings.issuerUri(), "end_session_endpoint", settings.oidcEndpoint("logout")))
			.build();
	}

	private static String serverSide(KeycloakSettings settings, String backchannelUrl, String endpoint) {
		if (!StringUtils.hasText(backchannelUrl)) {
			return settings.oidcEndpoint(endpoint);
		}
		return stripSlash(backchannelUrl.trim()) + "/realms/" + settings.realm() + "/protocol/openid-connect/"
				+ endpoint;
	}

	static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
