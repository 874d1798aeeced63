package dev.billforge.identity.provisioning.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.keycloak.representations.idm.RoleRepresentation;

/** Plans which realm roles to create or update. Pure. */
public final class RoleReconciler {

	private RoleReconciler() {
	}

	/**
	 * @param toCreate roles missing in the realm; @param toUpdate existing roles whose
	 * description differs
	 */
	public record Plan(List<RoleRepresentation> toCreate, List<RoleRepresentation> toUpdate, List<String> changes) {
	}

	public static Plan plan(String realm, Map<String, String> desired, List<RoleRepresentation> existing) {
		Map<String, RoleRepresentation> byName = existing.stream()
			.collect(Collectors.toMap(RoleRepresentation::getName, Function.identity(), (a, b) -> a));
		List<RoleRepresentation> create = new ArrayList<>();
		List<RoleRepresentation> update = new ArrayList<>();
		Changes changes = new Changes("realm " + realm);
		desired.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(role -> {
			RoleRepresentation current = byName.get(role.getKey());
			if (current == null) {
				RoleRepresentation created = new RoleRepresentation(role.getKey(), role.getValue(), false);
				create.add(created);
				changes.add("role '" + role.getKey() + "' created");
			}
			else if (!Objects.equals(current.getDescription(), role.getValue())) {
				changes.set("role '" + role.getKey() + "' description", current.getDescription(), role.getValue(),
						current::setDescription);
				update.add(current);
			}
		});
		return new Plan(create, update, changes.entries());
	}

}
