package dev.billforge.sdk.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * The SDKs' generated files are what {@link SdkGenerator} makes of the checked-in
 * {@code api/openapi.json}. After the spec changed, regenerate them with
 * {@code ./mvnw -B -pl sdks/java -am -Dtest=GeneratedSourcesTest -Dsurefire.failIfNoSpecifiedTests=false -Dsdk.update=true test}.
 */
class GeneratedSourcesTest {

	static Path root() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		return dir;
	}

	@Test
	void checkedInSdkSourcesAreGeneratedFromTheCheckedInSpec() throws Exception {
		Path root = root();
		SdkGenerator generator = new SdkGenerator(
				JsonMapper.builder().build().readTree(Files.readString(root.resolve("api/openapi.json"))));
		for (Map.Entry<String, String> file : generator.files().entrySet()) {
			Path path = root.resolve(file.getKey());
			if (Boolean.getBoolean("sdk.update")) {
				Files.createDirectories(path.getParent());
				Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
			}
			String checkedIn = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
			assertThat(checkedIn).as(file.getKey() + " is out of date with api/openapi.json; regenerate with "
					+ "./mvnw -B -pl sdks/java -am -Dtest=GeneratedSourcesTest -Dsurefire.failIfNoSpecifiedTests=false "
					+ "-Dsdk.update=true test")
				.isEqualTo(file.getValue());
		}
	}

	@Test
	void everyPlatformOperationBecomesAMethodAndTenantEndpointsStayOut() throws Exception {
		SdkGenerator generator = new SdkGenerator(
				JsonMapper.builder().build().readTree(Files.readString(root().resolve("api/openapi.json"))));
		String python = generator.files().get("sdks/python/billforge/_generated.py");
		assertThat(python).contains("def record_usage(self, body: UsageBatchRequest", "def commit_hold(self, id: str",
				"def usage_summary(self, *, from_: str, to: str");
		assertThat(generator.files().get("sdks/typescript/src/generated.d.ts"))
			.contains("createHold(body: ReserveRequest, options?: RequestOptions): Promise<Hold>;")
			.doesNotContain("/api/v1/documents");
	}

}
