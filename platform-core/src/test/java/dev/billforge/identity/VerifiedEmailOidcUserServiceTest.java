package dev.billforge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Keycloak sign-in needs an address Keycloak verified; the principal's name is the stable
 * subject.
 */
class VerifiedEmailOidcUserServiceTest {

	static OidcUser user(Map<String, Object> claims) {
		OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims);
		return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_MEMBER")), token, "sub");
	}

	@Test
	void aVerifiedAddressSignsInUnderItsSubject() {
		OidcUser user = VerifiedEmailOidcUserService.requireVerified(user(Map.of("sub", "4f1c-uuid",
				"preferred_username", "ops@example.test", "email", "ops@example.test", "email_verified", true)));

		assertThat(user.getName()).isEqualTo("4f1c-uuid");
	}

	@Test
	void anUnverifiedOrMissingAddressGetsNoSession() {
		assertThatThrownBy(() -> VerifiedEmailOidcUserService
			.requireVerified(user(Map.of("sub", "a", "email", "ops@example.test", "email_verified", false))))
			.isInstanceOf(OAuth2AuthenticationException.class)
			.satisfies(ex -> assertThat(((OAuth2AuthenticationException) ex).getError().getErrorCode())
				.isEqualTo("email_not_verified"));
		assertThatThrownBy(() -> VerifiedEmailOidcUserService
			.requireVerified(user(Map.of("sub", "b", "email", "ops@example.test"))))
			.isInstanceOf(OAuth2AuthenticationException.class);
		assertThatThrownBy(
				() -> VerifiedEmailOidcUserService.requireVerified(user(Map.of("sub", "c", "email_verified", true))))
			.isInstanceOf(OAuth2AuthenticationException.class);
	}

}
