package dev.billforge.identity.provisioning.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.billforge.identity.KeycloakRoleAuthoritiesMapper;
import dev.billforge.identity.provisioning.RealmSpec.ClientSpec;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * Brings the web app's client and its realm-roles protocol mapper to the desired state.
 * Pure.
 */
public final class ClientReconciler {

	/** Keycloak's attribute for allowed post-logout redirect URIs, '##'-separated. */
	public static final String POST_LOGOUT_REDIRECT_URIS = "post.logout.redirect.uris";

	/**
	 * Name of the protocol mapper that puts realm roles into the ID token and userinfo.
	 */
	public static final String ROLES_MAPPER_NAME = "realm roles";

	private ClientReconciler() {
	}

	public static List<String> reconcile(ClientSpec spec, ClientRepresentation rep) {
		Changes changes = new Changes("client " + spec.clientId());
		changes.set("enabled", rep.isEnabled(), Boolean.TRUE, rep::setEnabled);
		changes.set("protocol", rep.getProtocol(), "openid-connect", rep::setProtocol);
		changes.set("publicClient", rep.isPublicClient(), Boolean.FALSE, rep::setPublicClient);
		changes.set("bearerOnly", rep.isBearerOnly(), Boolean.FALSE, rep::setBearerOnly);
		changes.set("clientAuthenticatorType", rep.getClientAuthenticatorType(), "client-secret",
				rep::setClientAuthenticatorType);
		changes.set("standardFlowEnabled", rep.isStandardFlowEnabled(), Boolean.TRUE, rep::setStandardFlowEnabled);
		changes.set("implicitFlowEnabled", rep.isImplicitFlowEnabled(), Boolean.FALSE, rep::setImplicitFlowEnabled);
		changes.set("directAccessGrantsEnabled", rep.isDirectAccessGrantsEnabled(), Boolean.FALSE,
				rep::setDirectAccessGrantsEnabled);
		changes.set("serviceAccountsEnabled", rep.isServiceAccountsEnabled(), Boolean.FALSE,
				rep::setServiceAccountsEnabled);
		changes.set("rootUrl", rep.getRootUrl(), spec.rootUrl(), rep::setRootUrl);
		changes.set("baseUrl", rep.getBaseUrl(), "/", rep::setBaseUrl);
		// URI lists are sets to Keycloak: compare sorted so order never causes a change.
		changes.set("redirectUris", sorted(rep.getRedirectUris()), sorted(spec.redirectUris()),
				v -> rep.setRedirectUris(List.copyOf(v)));
		changes.set("webOrigins", sorted(rep.getWebOrigins()), sorted(spec.webOrigins()),
				v -> rep.setWebOrigins(List.copyOf(v)));
		Map<String, String> attributes = rep.getAttributes() == null ? new HashMap<>()
				: new HashMap<>(rep.getAttributes());
		String currentLogout = attributes.get(POST_LOGOUT_REDIRECT_URIS);
		Set<String> currentLogoutSet = currentLogout == null || currentLogout.isEmpty() ? new TreeSet<>()
				: new TreeSet<>(List.of(currentLogout.split("##")));
		changes.set("postLogoutRedirectUris", currentLogoutSet, sorted(spec.postLogoutRedirectUris()), v -> {
			attributes.put(POST_LOGOUT_REDIRECT_URIS, String.join("##", v));
			rep.setAttributes(attributes);
		});
		return changes.entries();
	}

	/**
	 * The desired realm-roles mapper: realm roles as a multivalued "roles" claim in ID
	 * token, access token and userinfo.
	 */
	public static ProtocolMapperRepresentation desiredRolesMapper() {
		ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
		mapper.setName(ROLES_MAPPER_NAME);
		mapper.setProtocol("openid-connect");
		mapper.setProtocolMapper("oidc-usermodel-realm-role-mapper");
		mapper.setConfig(Map.of("claim.name", KeycloakRoleAuthoritiesMapper.ROLES_CLAIM, "multivalued", "true",
				"jsonType.label", "String", "id.token.claim", "true", "access.token.claim", "true",
				"userinfo.token.claim", "true", "introspection.token.claim", "true"));
		return mapper;
	}

	/**
	 * Brings an existing mapper to the desired one (or reports that it must be created
	 * when {@code current} is null). Keys Keycloak adds on its own are left alone.
	 */
	public static List<String> reconcileRolesMapper(ProtocolMapperRepresentation current, String clientId) {
		Changes changes = new Changes("client " + clientId);
		ProtocolMapperRepresentation desired = desiredRolesMapper();
		if (current == null) {
			changes.add("protocol mapper '" + ROLES_MAPPER_NAME + "' created");
			return changes.entries();
		}
		changes.set("mapper type", current.getProtocolMapper(), desired.getProtocolMapper(),
				current::setProtocolMapper);
		Map<String, String> config = current.getConfig() == null ? new HashMap<>() : new HashMap<>(current.getConfig());
		for (Map.Entry<String, String> entry : desired.getConfig().entrySet()) {
			changes.set("mapper " + entry.getKey(), config.get(entry.getKey()), entry.getValue(),
					v -> config.put(entry.getKey(), v));
		}
		current.setConfig(config);
		return changes.entries();
	}

	private static TreeSet<String> sorted(List<String> values) {
		return values == null ? new TreeSet<>() : new TreeSet<>(values);
	}

}
