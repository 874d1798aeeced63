package dev.billforge.identity.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;

class RoleReconcilerTest {

	@Test
	void missingRolesAreCreatedChangedDescriptionsUpdatedAndOtherRolesKept() {
		List<RoleRepresentation> existing = List.of(new RoleRepresentation("member", "old text", false),
				new RoleRepresentation("offline_access", "Keycloak's", false));

		RoleReconciler.Plan plan = RoleReconciler.plan("acme", Map.of("operator", "ops", "member", "all"), existing);

		assertThat(plan.toCreate()).extracting(RoleRepresentation::getName).containsExactly("operator");
		assertThat(plan.toUpdate()).extracting(RoleRepresentation::getDescription).containsExactly("all");
		assertThat(plan.changes()).containsExactly("realm acme: role 'member' description 'old text' -> 'all'",
				"realm acme: role 'operator' created");
	}

	@Test
	void rolesThatAlreadyMatchNeedNothing() {
		List<RoleRepresentation> existing = List.of(new RoleRepresentation("member", "all", false),
				new RoleRepresentation("operator", "ops", false));

		RoleReconciler.Plan plan = RoleReconciler.plan("acme", Map.of("operator", "ops", "member", "all"), existing);

		assertThat(plan.toCreate()).isEmpty();
		assertThat(plan.toUpdate()).isEmpty();
		assertThat(plan.changes()).isEmpty();
	}

}
