package dev.billforge.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Turns Keycloak realm roles into Spring authorities: {@code operator} →
 * {@code ROLE_OPERATOR}.
 *
 * <p>
 * Roles are read from the {@code roles} claim (the protocol mapper provisioning adds to
 * the client, present in the ID token and userinfo) and from Keycloak's standard
 * {@code realm_access.roles}. Keycloak's built-in default roles are not mapped.
 */
public final class KeycloakRoleAuthoritiesMapper implements GrantedAuthoritiesMapper {

	/** Name of the claim the provisioned protocol mapper writes realm roles into. */
	public static final String ROLES_CLAIM = "roles";

	@Override
	public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
		Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
		for (GrantedAuthority authority : authorities) {
			if (authority instanceof OidcUserAuthority oidc) {
				addRoles(mapped, oidc.getIdToken().getClaims());
				if (oidc.getUserInfo() != null) {
					addRoles(mapped, oidc.getUserInfo().getClaims());
				}
			}
		}
		return mapped;
	}

	/**
	 * The Spring authority of a Keycloak realm role, or null for Keycloak's built-in
	 * roles.
	 */
	public static String authorityOf(String role) {
		if (role == null || role.isBlank() || role.startsWith("default-roles-") || role.equals("offline_access")
				|| role.equals("uma_authorization")) {
			return null;
		}
		return "ROLE_" + role.trim().toUpperCase(Locale.ROOT).replace('-', '_');
	}

	private static void addRoles(Set<GrantedAuthority> target, Map<String, Object> claims) {
		addAll(target, claims.get(ROLES_CLAIM));
		if (claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
			addAll(target, realmAccess.get("roles"));
		}
	}

	private static void addAll(Set<GrantedAuthority> target, Object roles) {
		if (roles instanceof Collection<?> list) {
			for (Object role : list) {
				String authority = authorityOf(String.valueOf(role));
				if (authority != null) {
					target.add(new SimpleGrantedAuthority(authority));
				}
			}
		}
		else if (roles instanceof String single) {
			addAll(target, List.of(single));
		}
	}

}
