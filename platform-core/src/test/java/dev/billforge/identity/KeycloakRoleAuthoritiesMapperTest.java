package dev.billforge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class KeycloakRoleAuthoritiesMapperTest {

	private final KeycloakRoleAuthoritiesMapper mapper = new KeycloakRoleAuthoritiesMapper();

	private static OidcIdToken idToken(Map<String, Object> claims) {
		return OidcIdToken.withTokenValue("t")
			.subject("u1")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.claims(c -> c.putAll(claims))
			.build();
	}

	private Set<String> map(OidcIdToken token, OidcUserInfo userInfo) {
		return mapper.mapAuthorities(List.of(new OidcUserAuthority(token, userInfo)))
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(java.util.stream.Collectors.toSet());
	}

	@Test
	void realmRolesFromTheIdTokenBecomeSpringRoles() {
		Set<String> authorities = map(idToken(Map.of("roles", List.of("operator", "member", "billing-admin"))), null);

		assertThat(authorities).contains("ROLE_OPERATOR", "ROLE_MEMBER", "ROLE_BILLING_ADMIN", "OIDC_USER");
	}

	@Test
	void keycloaksStandardRealmAccessClaimAndUserInfoAreReadToo() {
		Set<String> authorities = map(idToken(Map.of("realm_access", Map.of("roles", List.of("member")))),
				new OidcUserInfo(Map.of("sub", "u1", "roles", List.of("operator"))));

		assertThat(authorities).contains("ROLE_MEMBER", "ROLE_OPERATOR");
	}

	@Test
	void keycloaksBuiltInRolesAreNotMapped() {
		Set<String> authorities = map(
				idToken(Map.of("roles", List.of("default-roles-acme", "offline_access", "uma_authorization"))), null);

		assertThat(authorities).noneMatch(a -> a.startsWith("ROLE_"));
	}

	@Test
	void aTokenWithoutRolesGivesNoRoles() {
		assertThat(map(idToken(Map.of()), null)).noneMatch(a -> a.startsWith("ROLE_"));
	}

}
