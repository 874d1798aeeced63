package dev.billforge.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.billforge.identity.IdentityTestApp;
import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;
import dev.billforge.identity.LoginBrand;
import dev.billforge.identity.provisioning.KeycloakAdminConnection;
import dev.billforge.identity.provisioning.KeycloakProvisioner;
import dev.billforge.identity.provisioning.ProvisioningExit;
import dev.billforge.identity.provisioning.ProvisioningReport;
import dev.billforge.identity.provisioning.RealmSpec;
import dev.billforge.identity.provisioning.RealmSpecFactory;
import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.builder.SpringApplicationBuilder;

import dev.billforge.testsupport.FreshStorageInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * Provisioning against a real Keycloak: creates everything once, then changes nothing.
 */
// The Keycloak ITs share one server (KeycloakTestServer) and its realms: one at a time.
@ResourceLock("keycloak")
class KeycloakProvisioningIT {

	private static final KeycloakTestServer KEYCLOAK = KeycloakTestServer.shared();

	private static final String REALM = "it_provisioning";

	private static final String LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>";

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

	@TempDir
	static Path fallbackThemes;

	@BeforeAll
	static void startFromAnEmptyRealm() {
		try (Keycloak admin = KEYCLOAK.admin()) {
			try {
				admin.realm(REALM).remove();
			}
			catch (NotFoundException alreadyGone) {
				// first run on this Keycloak
			}
		}
	}

	static KeycloakProperties properties(String realm, Path themesDir) {
		KeycloakProperties properties = new KeycloakProperties();
		properties.setServerUrl(KEYCLOAK.url());
		properties.setRealm(realm);
		properties.setClientId("billforge-web");
		properties.setClientSecret("it-client-secret-0123456789");
		properties.setPublicBaseUrl("http://localhost:18080");
		properties.setAdminUsername(KEYCLOAK.adminUsername());
		properties.setAdminPassword(KEYCLOAK.adminPassword());
		properties.setThemesDir(themesDir.toString());
		properties.getSmtp().setHost("smtp.example.test");
		properties.getSmtp().setFrom("no-reply@example.test");
		properties.getSmtp().setUsername("mailer");
		properties.getSmtp().setPassword("smtp-secret");
		properties.getFirstOperator().setEmail("operator@example.test");
		properties.getFirstOperator().setPassword("operator-password-1");
		return properties;
	}

	private Path themesDir() {
		return KEYCLOAK.themesDir() != null ? KEYCLOAK.themesDir() : fallbackThemes;
	}

	private RealmSpec spec(KeycloakProperties properties, LoginBrand brand) {
		return RealmSpecFactory.create(KeycloakSettings.resolve(properties, new MockEnvironment()), properties, brand);
	}

	private KeycloakProvisioner provisioner(KeycloakProperties properties) {
		return new KeycloakProvisioner(
				KeycloakAdminConnection.of(KeycloakSettings.resolve(properties, new MockEnvironment()), properties));
	}

	@Test
	void provisioningTwiceCreatesTheRealmOnceAndTheSecondRunChangesNothing() throws Exception {
		KeycloakProperties properties = properties(REALM, themesDir());
		LoginBrand brand = new LoginBrand("Acme Docs", "#0F766E", LOGO);
		KeycloakProvisioner provisioner = provisioner(properties);

		ProvisioningReport first = provisioner.provision(spec(properties, brand));
		assertThat(first.changes()).contains("realm it_provisioning: created", "client billforge-web: created",
				"realm it_provisioning: role 'operator' created", "user operator@example.test: created with a password",
				"user operator@example.test: role 'operator' granted");
		String before = snapshot();

		ProvisioningReport second = provisioner.provision(spec(properties, brand));

		assertThat(second.changes()).isEmpty();
		assertThat(second.summary()).contains("up to date");
		assertThat(snapshot()).isEqualTo(before);

		try (Keycloak admin = KEYCLOAK.admin()) {
			RealmResource realm = admin.realm(REALM);
			assertThat(realm.toRepresentation().getDisplayName()).isEqualTo("Acme Docs");
			assertThat(realm.toRepresentation().getLoginTheme()).isEqualTo(REALM);
			assertThat(realm.toRepresentation().getSmtpServer()).containsEntry("host", "smtp.example.test")
				.containsEntry("from", "no-reply@example.test");
			ClientRepresentation client = realm.clients().findByClientId("billforge-web").get(0);
			assertThat(client.getRedirectUris()).containsExactly("http://localhost:18080/login/oauth2/code/keycloak");
			assertThat(client.isPublicClient()).isFalse();
			assertThat(realm.clients().get(client.getId()).getSecret().getValue())
				.isEqualTo("it-client-secret-0123456789");
			UserRepresentation operator = realm.users().searchByUsername("operator@example.test", true).get(0);
			assertThat(realm.users().get(operator.getId()).roles().realmLevel().listAll())
				.extracting(RoleRepresentation::getName)
				.contains("operator");
		}
		Path theme = themesDir().resolve(REALM).resolve("login");
		assertThat(Files.readString(theme.resolve("theme.properties"))).contains("parent=keycloak.v2");
		assertThat(Files.readString(theme.resolve("resources/css/brand.css"))).contains("#0F766E", "\"Acme Docs\"");
		assertThat(Files.readString(theme.resolve("resources/img/logo.svg"))).isEqualTo(LOGO);
	}

	@Test
	void changedBrandColourAndSmtpPasswordAreAppliedAndOnlyThoseAreReported() {
		String realm = REALM + "_changes";
		try (Keycloak admin = KEYCLOAK.admin()) {
			try {
				admin.realm(realm).remove();
			}
			catch (NotFoundException alreadyGone) {
				// first run
			}
		}
		KeycloakProperties properties = properties(realm, themesDir());
		KeycloakProvisioner provisioner = provisioner(properties);
		provisioner.provision(spec(properties, new LoginBrand("Acme Docs", "#0F766E", null)));

		properties.getSmtp().setPassword("rotated-smtp-secret");
		ProvisioningReport report = provisioner
			.provision(spec(properties, new LoginBrand("Acme Docs", "#1D4ED8", null)));

		assertThat(report.changes()).containsExactlyInAnyOrder(
				"theme " + realm + ": wrote login/resources/css/brand.css",
				"realm " + realm + ": smtpServer.password changed");
		assertThat(String.join("\n", report.changes())).doesNotContain("rotated-smtp-secret");
		assertThat(provisioner.provision(spec(properties, new LoginBrand("Acme Docs", "#1D4ED8", null))).changed())
			.isFalse();
	}

	@Test
	void wrongAdminPasswordFailsWithAClearMessageAndWritesNothingToTheRealm() {
		KeycloakProperties properties = properties(REALM + "_never", themesDir());
		properties.setAdminPassword("wrong");
		properties.setThemesDir(null);

		assertThatThrownBy(() -> provisioner(properties).provision(spec(properties, new LoginBrand("X", "#000", null))))
			.hasMessageContaining("401");
		try (Keycloak admin = KEYCLOAK.admin()) {
			assertThat(admin.realms().findAll()).extracting(r -> r.getRealm()).doesNotContain(REALM + "_never");
		}
	}

	@Test
	void tenantJarRunWithTheProvisionFlagProvisionsItsBrandAndExitsWithZero() {
		String realm = REALM + "_command";
		AtomicInteger exitCode = new AtomicInteger(-1);
		SpringApplicationBuilder app = new SpringApplicationBuilder(IdentityTestApp.class)
			.initializers(new FreshStorageInitializer())
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("testExit", (ProvisioningExit) exitCode::set));

		try (ConfigurableApplicationContext context = app.run("--billforge.identity.keycloak.provision=true",
				"--billforge.product.tag=" + realm,
				// the realm's display name and login theme come from the tenant's brand
				// pack
				"--billforge.brand.location=classpath:login-lab-brand/",
				"--billforge.identity.keycloak.server-url=" + KEYCLOAK.url(),
				"--billforge.identity.keycloak.client-secret=command-secret",
				"--billforge.identity.keycloak.public-base-url=http://localhost:18081",
				"--billforge.identity.keycloak.admin-username=" + KEYCLOAK.adminUsername(),
				"--billforge.identity.keycloak.admin-password=" + KEYCLOAK.adminPassword())) {
			assertThat(exitCode).hasValue(0);
		}
		try (Keycloak admin = KEYCLOAK.admin()) {
			assertThat(admin.realm(realm).toRepresentation().getDisplayName()).isEqualTo("Login Lab");
			admin.realm(realm).remove();
		}
	}

	/** Everything provisioning manages, as sorted JSON, to compare two points in time. */
	private static String snapshot() throws Exception {
		try (Keycloak admin = KEYCLOAK.admin()) {
			RealmResource realm = admin.realm(REALM);
			ClientRepresentation client = realm.clients().findByClientId("billforge-web").get(0);
			UserRepresentation operator = realm.users().searchByUsername("operator@example.test", true).get(0);
			Map<String, Object> state = Map.of("realm", realm.toRepresentation(), "client", client, "mappers",
					realm.clients().get(client.getId()).getProtocolMappers().getMappers(), "roles",
					realm.roles().list(), "defaultRoles",
					realm.roles().get("default-roles-" + REALM).getRealmRoleComposites(), "operator", operator,
					"operatorRoles", realm.users().get(operator.getId()).roles().realmLevel().listAll(), "users",
					List.of(realm.users().count()));
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state);
		}
	}

}
