package dev.billforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import dev.billforge.api.ApiProperties;
import dev.billforge.api.OperatorToken;
import dev.billforge.billing.BillingProperties;
import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;
import dev.billforge.identity.internal.KeycloakClientRegistrations;
import dev.billforge.identity.internal.KeycloakEnvironmentAliases;

/**
 * docker-compose.yml against the code, without Docker: every variable is documented in
 * .env.example and set by the demo's env file, no secret has a default, images are
 * pinned, every service is health-checked (or listed below with the reason), dependencies
 * wait for health, and each tenant's environment — interpolated as compose does, for the
 * demo and for production — is one the app's own configuration code accepts: Keycloak
 * sign-in with a browser URL and a back-channel URL, Stripe or the emulator service, the
 * operator token, the agent.
 */
class ComposeFileTest {

	/**
	 * Images without a shell or a probe binary (distroless): nothing may wait for their
	 * health.
	 */
	static final Set<String> WITHOUT_HEALTHCHECK = Set.of("otel-collector", "jaeger");

	static ComposeFile compose;

	static Map<String, String> demo;

	static Map<String, String> production;

	@BeforeAll
	static void load() throws IOException {
		compose = ComposeFile.load();
		demo = ComposeFile.envFile("deploy/demo.env");
		production = withSampleSecrets(ComposeFile.envFile(".env.example"));
	}

	/** What an operator puts into the blank SECRET lines of .env.example. */
	static Map<String, String> withSampleSecrets(Map<String, String> example) {
		Map<String, String> filled = new LinkedHashMap<>(example);
		filled.replaceAll((name, value) -> ComposeFile.SECRET_NAME.matcher(name).matches()
				? (name.equals("STRIPE_SECRET_KEY") ? "sk_live_" : "") + "s3cret-s3cret-s3cret-s3cret-s3cret-" + name
				: value);
		return filled;
	}

	@Test
	void everyVariableIsDocumentedInEnvExampleAndSetForTheDemo() {
		assertThat(production.keySet()).containsAll(compose.variables());
		assertThat(demo.keySet()).containsAll(compose.variables());
	}

	@Test
	void noSecretHasADefaultOrAValueInTheComposeFile() throws IOException {
		for (String name : compose.variables()) {
			if (ComposeFile.SECRET_NAME.matcher(name).matches()) {
				assertThat(compose.referencesWithDefault(name)).as("secret %s with a default", name).isEmpty();
			}
		}
		for (String service : compose.services().keySet()) {
			compose.environment(service).forEach((key, value) -> {
				if (ComposeFile.SECRET_NAME.matcher(key).matches()) {
					assertThat(String.valueOf(value)).as("%s of %s comes from a variable", key, service)
						.matches("\\$\\{[A-Z0-9_]+}");
				}
			});
		}
		Map<String, String> example = ComposeFile.envFile(".env.example");
		example.forEach((name, value) -> {
			if (ComposeFile.SECRET_NAME.matcher(name).matches()) {
				assertThat(value).as("%s in .env.example is left for the operator to fill in", name).isEmpty();
			}
		});
		String text = java.nio.file.Files.readString(ComposeFile.ROOT.resolve(".env.example"));
		for (String name : example.keySet()) {
			if (ComposeFile.SECRET_NAME.matcher(name).matches() && !name.equals("DOCROUTER_LLM_API_KEY")) {
				assertThat(text).as("%s is marked SECRET", name)
					.containsPattern("# SECRET[^\\n]*\\n(#[^\\n]*\\n)*" + name + "=");
			}
		}
	}

	@Test
	void everyImageIsPinnedToATag() {
		compose.services().forEach((name, service) -> {
			String image = String.valueOf(service.get("image"));
			assertThat(image).as("image of %s", name).matches("[^:]+(:[^:/]+)$").doesNotEndWith(":latest");
			assertThat(service).as("%s is built by Maven (Jib), not by compose", name).doesNotContainKey("build");
		});
	}

	@Test
	void theImagesTheComposeFileRunsAreBuiltNonRootWithTheAgentItAttaches() throws IOException {
		String pom = java.nio.file.Files.readString(ComposeFile.ROOT.resolve("pom.xml"));
		assertThat(pom).contains("<artifactId>jib-maven-plugin</artifactId>", "<user>1000:1000</user>",
				"<artifactId>opentelemetry-javaagent</artifactId>",
				"<destFileName>opentelemetry-javaagent.jar</destFileName>",
				"<outputDirectory>${project.build.directory}/jib-extra/otel</outputDirectory>",
				"<image>billforge/${project.artifactId}:${project.version}</image>", "<file>/data</file>");
		assertThat(pom).containsPattern("<jib.base-image>[^<:]+:[^<]+</jib.base-image>")
			.doesNotContain("latest</jib.base-image>");
		for (String tenant : compose.tenants()) {
			assertThat(String.valueOf(compose.services().get(tenant).get("image")))
				.isEqualTo("billforge/" + tenant + ":0.1.0-SNAPSHOT");
			assertThat(compose.environment(tenant).get("JAVA_TOOL_OPTIONS"))
				.isEqualTo("-javaagent:/otel/opentelemetry-javaagent.jar");
		}
	}

	@Test
	void everyServiceRestartsAndIsHealthCheckedAndDependenciesWaitForHealth() {
		compose.services().forEach((name, service) -> {
			assertThat(service).as("restart policy of %s", name).containsKey("restart");
			boolean oneShot = "no".equals(service.get("restart"));
			if (!oneShot && !WITHOUT_HEALTHCHECK.contains(name)) {
				assertThat(service).as("health check of %s", name).containsKey("healthcheck");
			}
			compose.dependsOn(name).forEach((dependency, how) -> {
				assertThat(compose.services()).as("%s depends on %s", name, dependency).containsKey(dependency);
				Object condition = how.get("condition");
				assertThat(condition).as("%s waits for %s", name, dependency)
					.isIn("service_healthy", "service_completed_successfully");
				if ("service_healthy".equals(condition)) {
					assertThat(compose.services().get(dependency)).containsKey("healthcheck");
				}
				if (!compose.profiles(dependency).isEmpty() && compose.profiles(name).isEmpty()) {
					assertThat(how.get("required")).as("%s needs %s only in its profile", name, dependency)
						.isEqualTo(false);
				}
			});
		});
	}

	@Test
	void everyTenantIsHealthCheckedOnReadinessAndWaitsForMongoAndItsRealm() {
		assertThat(compose.tenants()).containsExactlyInAnyOrder("tenant-docrouter", "tenant-lab-portal",
				"tenant-sigagent");
		for (String tenant : compose.tenants()) {
			assertThat(String.valueOf(compose.services().get(tenant).get("healthcheck")))
				.contains("/actuator/health/readiness");
			assertThat(compose.dependsOn(tenant)).containsKey("mongodb");
			assertThat(compose.dependsOn(tenant).keySet()).anyMatch(d -> d.startsWith("provision-"));
		}
	}

	@Test
	void theDemoTenantsStartWithTheirOwnEmulatorServiceKeycloakAndMailCatcher() {
		for (String tenant : compose.tenants()) {
			Map<String, String> env = appAccepts(tenant, demo);
			BillingProperties billing = bind(env, "billforge.billing", BillingProperties.class);
			assertThat(env.get("STRIPE_SECRET_KEY")).isEmpty();
			assertThat(billing.getEmulator().getEnabled()).isTrue();
			String emulator = URI.create(billing.getEmulator().getUrl()).getHost();
			assertThat(compose.profiles(emulator)).containsExactly("demo");
			assertThat(compose.dependsOn(tenant)).containsKey(emulator);
			assertThat(URI.create(billing.getEmulator().getWebhookUrl()).getHost()).isEqualTo(tenant);
			assertThat(String.valueOf(compose.services().get(emulator).get("command"))).contains("0.0.0.0");
			assertThat(env.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
			assertThat(compose.profiles("mailpit")).containsExactly("demo");
		}
	}

	@Test
	void theProductionTenantsStartWithStripeFromTheEnvFile() {
		for (String tenant : compose.tenants()) {
			Map<String, String> env = appAccepts(tenant, production);
			BillingProperties billing = bind(env, "billforge.billing", BillingProperties.class);
			assertThat(env.get("STRIPE_SECRET_KEY")).startsWith("sk_live_");
			assertThat(billing.getEmulator().getEnabled()).isFalse();
			assertThat(env.get("STRIPE_WEBHOOK_SECRET")).isNotBlank();
		}
	}

	@Test
	void provisioningRunsGetWhatProvisioningNeedsAndTheSameClientSecretAsTheirTenant() {
		for (String tenant : compose.tenants()) {
			String provisioning = compose.dependsOn(tenant)
				.keySet()
				.stream()
				.filter(d -> d.startsWith("provision-"))
				.findFirst()
				.orElseThrow();
			assertThat(compose.services().get(provisioning).get("image"))
				.isEqualTo(compose.services().get(tenant).get("image"));
			Map<String, String> raw = compose.environment(provisioning);
			assertThat(raw.get("KEYCLOAK_CLIENT_SECRET"))
				.isEqualTo(compose.environment(tenant).get("KEYCLOAK_CLIENT_SECRET"));
			assertThat(raw.get("KEYCLOAK_REALM")).isEqualTo(compose.environment(tenant).get("KEYCLOAK_REALM"));
			for (Map<String, String> envFile : List.of(demo, production)) {
				Map<String, String> env = compose.environment(provisioning, envFile);
				assertThat(env.get("KEYCLOAK_PROVISION")).isEqualTo("true");
				assertThat(env).hasEntrySatisfying("KEYCLOAK_ADMIN_USERNAME", v -> assertThat(v).isNotBlank())
					.hasEntrySatisfying("KEYCLOAK_ADMIN_PASSWORD", v -> assertThat(v).isNotBlank())
					.hasEntrySatisfying("PUBLIC_BASE_URL", v -> assertThat(v).startsWith("http"))
					.hasEntrySatisfying("KEYCLOAK_THEMES_DIR", v -> assertThat(v).isNotBlank());
				KeycloakProperties keycloak = keycloak(env);
				assertThat(URI.create(keycloak.getBackchannelUrl()).getHost()).isEqualTo("keycloak");
			}
		}
	}

	/**
	 * The tenant's environment as the app binds it: the checks the app makes at start
	 * pass.
	 */
	private static Map<String, String> appAccepts(String tenant, Map<String, String> envFile) {
		Map<String, String> env = compose.environment(tenant, envFile);
		StandardEnvironment environment = environment(env);
		assertThatCode(() -> OperatorToken.resolve(bind(env, "billforge.api", ApiProperties.class), environment))
			.as("operator token of %s", tenant)
			.doesNotThrowAnyException();

		URI mongo = URI.create(env.get("MONGODB_URI"));
		assertThat(compose.services()).containsKey(mongo.getHost());
		assertThat(mongo.getQuery()).contains("replicaSet=rs0");

		KeycloakProperties keycloak = keycloak(env);
		assertThat(keycloak.getPublicBaseUrl())
			.isEqualTo(envFile.get(env.get("KEYCLOAK_REALM").toUpperCase() + "_PUBLIC_BASE_URL"));
		ClientRegistration registration = KeycloakClientRegistrations.of(
				KeycloakSettings.resolve(keycloak, environment), keycloak.getPublicBaseUrl(),
				keycloak.getBackchannelUrl());
		URI browser = URI.create(registration.getProviderDetails().getAuthorizationUri());
		assertThat(browser.getScheme() + "://" + browser.getAuthority()).as("the browser goes to the public URL")
			.isEqualTo(envFile.get("KEYCLOAK_PUBLIC_URL"));
		assertThat(URI.create(registration.getProviderDetails().getTokenUri()).getHost()).as("back channel")
			.isEqualTo("keycloak");
		assertThat(compose.services()).containsKey("keycloak");

		assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-javaagent:/otel/opentelemetry-javaagent.jar");
		assertThat(compose.services()).containsKey(URI.create(env.get("OTEL_EXPORTER_OTLP_ENDPOINT")).getHost());
		assertThat(env.get("OTEL_SERVICE_NAME")).isNotBlank();
		assertThat(env.get("BILLFORGE_DATA_DIR")).isEqualTo("/data");
		return env;
	}

	private static KeycloakProperties keycloak(Map<String, String> env) {
		StandardEnvironment environment = environment(env);
		new KeycloakEnvironmentAliases().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment).bindOrCreate("billforge.identity.keycloak", KeycloakProperties.class);
	}

	private static StandardEnvironment environment(Map<String, String> env) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		// named like the real one, so Boot's binder maps BILLFORGE_BILLING_EMULATOR_URL
		// to billforge.billing.emulator.url
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new LinkedHashMap<String, Object>(env)));
		return environment;
	}

	private static <T> T bind(Map<String, String> env, String prefix, Class<T> type) {
		return Binder.get(environment(env)).bindOrCreate(prefix, type);
	}

}
