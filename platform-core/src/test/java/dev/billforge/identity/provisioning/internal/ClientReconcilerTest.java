package dev.billforge.identity.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.billforge.identity.provisioning.RealmSpec.ClientSpec;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

class ClientReconcilerTest {

	private final ClientSpec spec = new ClientSpec("web", "s3cret", "https://acme.test",
			List.of("https://acme.test/login/oauth2/code/keycloak", "https://www.acme.test/login/oauth2/code/keycloak"),
			List.of("https://acme.test/*"), List.of("https://acme.test"));

	@Test
	void newClientBecomesAConfidentialCodeFlowClientWithTheRedirectUris() {
		ClientRepresentation rep = new ClientRepresentation();

		List<String> changes = ClientReconciler.reconcile(spec, rep);

		assertThat(rep.isPublicClient()).isFalse();
		assertThat(rep.isStandardFlowEnabled()).isTrue();
		assertThat(rep.isDirectAccessGrantsEnabled()).isFalse();
		assertThat(rep.getRedirectUris()).containsExactlyInAnyOrderElementsOf(spec.redirectUris());
		assertThat(rep.getAttributes()).containsEntry(ClientReconciler.POST_LOGOUT_REDIRECT_URIS,
				"https://acme.test/*");
		assertThat(changes).isNotEmpty().allMatch(c -> c.startsWith("client web: "));
	}

	@Test
	void redirectUrisInAnotherOrderAreNotAChange() {
		ClientRepresentation rep = new ClientRepresentation();
		ClientReconciler.reconcile(spec, rep);
		rep.setRedirectUris(List.of(spec.redirectUris().get(1), spec.redirectUris().get(0)));

		assertThat(ClientReconciler.reconcile(spec, rep)).isEmpty();
	}

	@Test
	void movedPublicBaseUrlReplacesRedirectAndLogoutUris() {
		ClientRepresentation rep = new ClientRepresentation();
		ClientReconciler.reconcile(spec, rep);
		ClientSpec moved = new ClientSpec("web", "s3cret", "https://docs.acme.test",
				List.of("https://docs.acme.test/login/oauth2/code/keycloak"), List.of("https://docs.acme.test/*"),
				List.of("https://docs.acme.test"));

		List<String> changes = ClientReconciler.reconcile(moved, rep);

		assertThat(rep.getRedirectUris()).containsExactly("https://docs.acme.test/login/oauth2/code/keycloak");
		assertThat(rep.getAttributes()).containsEntry(ClientReconciler.POST_LOGOUT_REDIRECT_URIS,
				"https://docs.acme.test/*");
		assertThat(changes).hasSize(4);
	}

	@Test
	void missingRolesMapperIsReportedAsCreated() {
		assertThat(ClientReconciler.reconcileRolesMapper(null, "web"))
			.containsExactly("client web: protocol mapper 'realm roles' created");
	}

	@Test
	void rolesMapperWithExtraKeycloakKeysIsNotChangedButAMissingIdTokenClaimIs() {
		ProtocolMapperRepresentation current = ClientReconciler.desiredRolesMapper();
		Map<String, String> config = new HashMap<>(current.getConfig());
		config.put("lightweight.claim", "false");
		current.setConfig(config);
		assertThat(ClientReconciler.reconcileRolesMapper(current, "web")).isEmpty();

		config.put("id.token.claim", "false");
		current.setConfig(config);
		assertThat(ClientReconciler.reconcileRolesMapper(current, "web"))
			.containsExactly("client web: mapper id.token.claim 'false' -> 'true'");
		assertThat(current.getConfig()).containsEntry("id.token.claim", "true");
	}

}
