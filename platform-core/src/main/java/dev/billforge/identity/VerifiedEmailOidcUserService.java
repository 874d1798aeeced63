package dev.billforge.identity;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Keycloak sign-in only for people whose email Keycloak verified
 * ({@code email_verified}). Provisioning makes the realm require verification, so this is
 * the second lock: a realm changed by hand, or a user an admin created unverified, still
 * gets no session.
 */
public class VerifiedEmailOidcUserService extends OidcUserService {

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = super.loadUser(request);
		return requireVerified(user);
	}

	static OidcUser requireVerified(OidcUser user) {
		if (!Boolean.TRUE.equals(user.getEmailVerified()) || user.getEmail() == null || user.getEmail().isBlank()) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error("email_not_verified", "sign-in needs a verified email address", null));
		}
		return user;
	}

}
