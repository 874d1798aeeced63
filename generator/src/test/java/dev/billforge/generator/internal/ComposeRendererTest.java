package dev.billforge.generator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Structure of the rendered compose file; the file is checked against the app's code by
 * platform-core's ComposeFileTest.
 */
class ComposeRendererTest {

	@Test
	@SuppressWarnings("unchecked")
	void aTenantGetsAnImageItsProvisioningRunAndADemoEmulatorAndSharesMongoKeycloakAndTheCollector() {
		TenantAnswers acme = RenderingTest.acme(List.of(), List.of(), List.of());

		Map<String, Object> compose = new Yaml()
			.load(ComposeRenderer.render(List.of(acme), t -> Map.of("ACME_MODEL", "small", "ACME_API_KEY", "")));

		assertThat(compose.keySet()).containsExactly("services", "volumes");
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
		assertThat(services.keySet()).containsExactlyInAnyOrder("mongodb", "keycloak-db", "keycloak", "otel-collector",
				"jaeger", "mailpit", "provision-acme-docs", "tenant-acme-docs", "stripe-emulator-acme-docs");
		Map<String, Object> tenant = services.get("tenant-acme-docs");
		assertThat(tenant).containsEntry("image", "billforge/tenant-acme-docs:0.1.0-SNAPSHOT")
			.doesNotContainKey("build");
		assertThat(((Map<String, Object>) tenant.get("depends_on")).keySet()).containsExactly("mongodb",
				"provision-acme-docs", "stripe-emulator-acme-docs");
		assertThat((List<String>) tenant.get("ports")).containsExactly("8090:8090");
		Map<String, String> env = (Map<String, String>) tenant.get("environment");
		assertThat(env).containsEntry("MONGODB_URI", "mongodb://mongodb:27017/acme-docs?replicaSet=rs0")
			.containsEntry("KEYCLOAK_REALM", "acme_docs")
			.containsEntry("PORT", "8090")
			.containsEntry("KEYCLOAK_CLIENT_SECRET", "${ACME_DOCS_KEYCLOAK_CLIENT_SECRET}")
			.containsEntry("BILLFORGE_BILLING_EMULATOR_URL", "http://stripe-emulator-acme-docs:12111")
			.containsEntry("ACME_MODEL", "${ACME_MODEL:-small}")
			.containsEntry("ACME_API_KEY", "${ACME_API_KEY}");
		assertThat(env.values()).allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
		assertThat(services.get("stripe-emulator-acme-docs")).containsEntry("profiles", List.of("demo"));
		assertThat(services.get("provision-acme-docs")).containsEntry("image", tenant.get("image"));
		Map<String, Object> declared = (Map<String, Object>) compose.get("volumes");
		for (Map<String, Object> service : services.values()) {
			for (String v : (List<String>) service.getOrDefault("volumes", List.of())) {
				String source = v.substring(0, v.indexOf(':'));
				assertThat(source.startsWith("${") || declared.containsKey(source)).as(v).isTrue();
			}
		}
	}

	@Test
	void secretsNeverGetADefaultOtherSettingsKeepTheProducts() {
		assertThat(ComposeRenderer.productVariable("DOCROUTER_LLM_API_KEY", "")).isEqualTo("${DOCROUTER_LLM_API_KEY}");
		assertThat(ComposeRenderer.productVariable("DOCROUTER_LLM_MODEL", "gpt-4o-mini"))
			.isEqualTo("\"${DOCROUTER_LLM_MODEL:-gpt-4o-mini}\"");
		assertThat(ComposeRenderer.productVariable("DOCROUTER_LLM_BASE_URL", null))
			.isEqualTo("${DOCROUTER_LLM_BASE_URL}");
	}

	@Test
	void productVariablesAreReadFromThePlaceholdersOfProductYml() {
		Map<String, String> variables = ProductEnvironment.parse("""
				docrouter:
				  llm:
				    enabled: ${DOCROUTER_LLM_ENABLED:false}
				    api-key: ${DOCROUTER_LLM_API_KEY:}
				    url: ${DOCROUTER_URL}
				    name: ${spring.application.name}
				""");
		assertThat(variables.keySet()).containsExactly("DOCROUTER_LLM_ENABLED", "DOCROUTER_LLM_API_KEY",
				"DOCROUTER_URL");
		assertThat(variables).containsEntry("DOCROUTER_LLM_ENABLED", "false")
			.containsEntry("DOCROUTER_LLM_API_KEY", "");
		assertThat(variables.get("DOCROUTER_URL")).isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theRepositoryComposeFileListsEveryDemoTenant() throws Exception {
		String compose = java.nio.file.Files.readString(java.nio.file.Path.of("..", ComposeRenderer.FILE_NAME));
		Map<String, Object> parsed = new Yaml().load(compose);

		assertThat(((Map<String, Object>) parsed.get("services")).keySet()).contains("tenant-docrouter",
				"tenant-sigagent", "tenant-lab-portal", "mongodb", "keycloak");
	}

}
