package dev.billforge.identity.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.billforge.identity.provisioning.internal.ClientReconciler;
import dev.billforge.identity.provisioning.internal.LoginThemeFiles;
import dev.billforge.identity.provisioning.internal.RealmReconciler;
import dev.billforge.identity.provisioning.internal.RoleReconciler;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates or updates a tenant's realm so it matches a {@link RealmSpec}. Idempotent:
 * every step reads the current state first and writes only what differs, so a second run
 * reports no changes. Each step is itself idempotent, so a run interrupted half-way is
 * completed by the next one.
 */
public final class KeycloakProvisioner {

	private final Supplier<Keycloak> adminClient;

	private final PasswordEncoder secretHasher;

	/**
	 * @param adminClient opens an admin connection (closed after each run)
	 */
	public KeycloakProvisioner(Supplier<Keycloak> adminClient) {
		this.adminClient = adminClient;
		this.secretHasher = new BCryptPasswordEncoder();
	}

	public ProvisioningReport provision(RealmSpec spec) {
		try (Keycloak keycloak = adminClient.get()) {
			List<String> changes = new ArrayList<>();
			// Theme files first: the realm may only name a theme Keycloak can find.
			if (spec.theme() != null) {
				changes.addAll(LoginThemeFiles.write(spec.theme()));
			}
			RealmResource realm = keycloak.realm(spec.realm());
			RealmRepresentation realmRep = ensureRealm(keycloak, realm, spec, changes);
			List<String> realmChanges = RealmReconciler.reconcile(spec, realmRep, secretHasher);
			if (!realmChanges.isEmpty()) {
				realm.update(realmRep);
				changes.addAll(realmChanges);
			}
			reconcileRoles(realm, spec, changes);
			reconcileDefaultRole(realm, spec, changes);
			reconcileClient(realm, spec, changes);
			if (spec.operator() != null) {
				reconcileOperator(realm, spec, changes);
			}
			return new ProvisioningReport(spec.realm(), changes);
		}
	}

	private static RealmRepresentation ensureRealm(Keycloak keycloak, RealmResource realm, RealmSpec spec,
			List<String> changes) {
		try {
			return realm.toRepresentation();
		}
		catch (NotFoundException missing) {
			RealmRepresentation created = new RealmRepresentation();
			created.setRealm(spec.realm());
			created.setEnabled(true);
			keycloak.realms().create(created);
			changes.add("realm " + spec.realm() + ": created");
			return realm.toRepresentation();
		}
	}

	private static void reconcileRoles(RealmResource realm, RealmSpec spec, List<String> changes) {
		RoleReconciler.Plan plan = RoleReconciler.plan(spec.realm(), spec.roles(), realm.roles().list());
		plan.toCreate().forEach(role -> realm.roles().create(role));
		plan.toUpdate().forEach(role -> realm.roles().get(role.getName()).update(role));
		changes.addAll(plan.changes());
	}

	private static void reconcileDefaultRole(RealmResource realm, RealmSpec spec, List<String> changes) {
		if (spec.defaultRole() == null) {
			return;
		}
		String defaultRolesName = "default-roles-" + spec.realm().toLowerCase(java.util.Locale.ROOT);
		RealmRepresentation rep = realm.toRepresentation();
		if (rep.getDefaultRole() != null) {
			defaultRolesName = rep.getDefaultRole().getName();
		}
		var defaults = realm.roles().get(defaultRolesName);
		boolean present = defaults.getRealmRoleComposites()
			.stream()
			.anyMatch(role -> role.getName().equals(spec.defaultRole()));
		if (!present) {
			defaults.addComposites(List.of(realm.roles().get(spec.defaultRole()).toRepresentation()));
			changes.add("realm " + spec.realm() + ": role '" + spec.defaultRole() + "' given to every new user");
		}
	}

	private static void reconcileClient(RealmResource realm, RealmSpec spec, List<String> changes) {
		RealmSpec.ClientSpec clientSpec = spec.client();
		List<ClientRepresentation> found = realm.clients().findByClientId(clientSpec.clientId());
		if (found.isEmpty()) {
			ClientRepresentation created = new ClientRepresentation();
			created.setClientId(clientSpec.clientId());
			created.setSecret(clientSpec.secret());
			ClientReconciler.reconcile(clientSpec, created);
			try (Response response = realm.clients().create(created)) {
				requireCreated(response, "client " + clientSpec.clientId());
			}
			changes.add("client " + clientSpec.clientId() + ": created");
			found = realm.clients().findByClientId(clientSpec.clientId());
		}
		ClientRepresentation client = found.get(0);
		ClientResource resource = realm.clients().get(client.getId());
		List<String> clientChanges = new ArrayList<>(ClientReconciler.reconcile(clientSpec, client));
		String currentSecret = resource.getSecret().getValue();
		if (!clientSpec.secret().equals(currentSecret)) {
			client.setSecret(clientSpec.secret());
			clientChanges.add("client " + clientSpec.clientId() + ": secret changed");
		}
		if (!clientChanges.isEmpty()) {
			resource.update(client);
			changes.addAll(clientChanges);
		}
		ProtocolMapperRepresentation mapper = resource.getProtocolMappers()
			.getMappers()
			.stream()
			.filter(m -> ClientReconciler.ROLES_MAPPER_NAME.equals(m.getName()))
			.findFirst()
			.orElse(null);
		List<String> mapperChanges = ClientReconciler.reconcileRolesMapper(mapper, clientSpec.clientId());
		if (mapper == null) {
			try (Response response = resource.getProtocolMappers()
				.createMapper(ClientReconciler.desiredRolesMapper())) {
				requireCreated(response, "protocol mapper " + ClientReconciler.ROLES_MAPPER_NAME);
			}
		}
		else if (!mapperChanges.isEmpty()) {
			resource.getProtocolMappers().update(mapper.getId(), mapper);
		}
		changes.addAll(mapperChanges);
	}

	private static void reconcileOperator(RealmResource realm, RealmSpec spec, List<String> changes) {
		RealmSpec.OperatorSpec operator = spec.operator();
		String subject = "user " + operator.email();
		List<UserRepresentation> found = realm.users().searchByUsername(operator.email(), true);
		if (found.isEmpty()) {
			UserRepresentation user = new UserRepresentation();
			user.setUsername(operator.email());
			user.setEmail(operator.email());
			user.setEmailVerified(true);
			user.setEnabled(true);
			user.setFirstName(operator.firstName());
			user.setLastName(operator.lastName());
			CredentialRepresentation password = new CredentialRepresentation();
			password.setType(CredentialRepresentation.PASSWORD);
			password.setValue(operator.password());
			password.setTemporary(false);
			user.setCredentials(List.of(password));
			try (Response response = realm.users().create(user)) {
				requireCreated(response, subject);
			}
			changes.add(subject + ": created with a password");
			found = realm.users().searchByUsername(operator.email(), true);
		}
		else {
			UserRepresentation user = found.get(0);
			if (!Boolean.TRUE.equals(user.isEnabled())) {
				user.setEnabled(true);
				realm.users().get(user.getId()).update(user);
				changes.add(subject + ": enabled");
			}
		}
		UserResource user = realm.users().get(found.get(0).getId());
		boolean hasRole = user.roles()
			.realmLevel()
			.listAll()
			.stream()
			.map(RoleRepresentation::getName)
			.anyMatch(operator.role()::equals);
		if (!hasRole) {
			user.roles().realmLevel().add(List.of(realm.roles().get(operator.role()).toRepresentation()));
			changes.add(subject + ": role '" + operator.role() + "' granted");
		}
	}

	private static void requireCreated(Response response, String what) {
		if (response.getStatus() != 201) {
			String body = response.hasEntity() ? response.readEntity(String.class) : "";
			throw new IllegalStateException(
					"Keycloak refused to create " + what + ": HTTP " + response.getStatus() + " " + body);
		}
	}

}
