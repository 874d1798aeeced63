package dev.billforge.generator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ComposeRendererTest {

    @Test
    @SuppressWarnings("unchecked")
    void composeFileIsValidComposeYamlWithATenantServiceSharingMongoAndKeycloak() {
        TenantAnswers acme = RenderingTest.acme(List.of(), List.of(), List.of());

        Map<String, Object> compose = new Yaml().load(ComposeRenderer.render(List.of(acme)));

        assertThat(compose.keySet()).containsExactly("services", "volumes");
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services.keySet()).containsExactly("mongodb", "keycloak", "tenant-acme-docs");
        Map<String, Object> tenant = services.get("tenant-acme-docs");
        Map<String, Object> build = (Map<String, Object>) tenant.get("build");
        assertThat(build).containsEntry("context", "./tenant-acme-docs");
        assertThat((String) build.get("dockerfile_inline")).contains("COPY target/tenant-acme-docs-*.jar /app/app.jar", "ENTRYPOINT");
        assertThat((List<String>) tenant.get("depends_on")).containsExactly("mongodb", "keycloak");
        assertThat((List<String>) tenant.get("ports")).containsExactly("8090:8090");
        Map<String, String> env = (Map<String, String>) tenant.get("environment");
        assertThat(env).containsEntry("MONGODB_URI", "mongodb://mongodb:27017/acme-docs")
                .containsEntry("KEYCLOAK_REALM", "acme_docs").containsEntry("PORT", "8090")
                .containsKeys("KEYCLOAK_URL", "KEYCLOAK_CLIENT_SECRET", "STRIPE_SECRET_KEY", "BILLFORGE_OPERATOR_TOKEN", "PUBLIC_BASE_URL");
        assertThat(env.values()).allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
        List<String> volumes = (List<String>) tenant.get("volumes");
        Map<String, Object> declared = (Map<String, Object>) compose.get("volumes");
        for (String v : volumes) {
            assertThat(declared).containsKey(v.substring(0, v.indexOf(':')));
        }
        for (Map<String, Object> service : services.values()) {
            assertThat(service.keySet()).isSubsetOf("image", "build", "command", "environment", "ports", "volumes", "depends_on");
            assertThat(service.containsKey("image") || service.containsKey("build")).as("image or build in %s", service).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRepositoryComposeFileListsEveryDemoTenant() throws Exception {
        String compose = java.nio.file.Files.readString(java.nio.file.Path.of("..", ComposeRenderer.FILE_NAME));
        Map<String, Object> parsed = new Yaml().load(compose);

        assertThat(((Map<String, Object>) parsed.get("services")).keySet())
                .contains("tenant-docrouter", "tenant-sigagent", "tenant-lab-portal", "mongodb", "keycloak");
    }
}
