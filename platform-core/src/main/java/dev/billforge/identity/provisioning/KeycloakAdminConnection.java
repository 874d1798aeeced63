package dev.billforge.identity.provisioning;

import java.util.function.Supplier;

import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.util.StringUtils;

/**
 * Opens admin connections to Keycloak with the configured admin user (password grant on
 * admin-cli).
 */
public final class KeycloakAdminConnection {

	private KeycloakAdminConnection() {
	}

	public static Supplier<Keycloak> of(KeycloakSettings settings, KeycloakProperties properties) {
		return () -> {
			if (!StringUtils.hasText(properties.getAdminUsername())
					|| !StringUtils.hasText(properties.getAdminPassword())) {
				throw new IllegalArgumentException(
						"Provisioning needs a Keycloak admin: set billforge.identity.keycloak.admin-username "
								+ "and admin-password (KEYCLOAK_ADMIN_USERNAME / KEYCLOAK_ADMIN_PASSWORD)");
			}
			return KeycloakBuilder.builder()
				.serverUrl(StringUtils.hasText(properties.getBackchannelUrl()) ? properties.getBackchannelUrl().trim()
						: settings.serverUrl())
				.realm(properties.getAdminRealm())
				.clientId(properties.getAdminClientId())
				.grantType(OAuth2Constants.PASSWORD)
				.username(properties.getAdminUsername())
				.password(properties.getAdminPassword())
				.build();
		};
	}

}
