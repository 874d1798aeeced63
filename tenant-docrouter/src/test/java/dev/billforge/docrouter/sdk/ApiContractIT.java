package dev.billforge.docrouter.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.billforge.docrouter.DocRouterApplication;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API contract is reviewed as a diff: the document the running app serves must equal
 * the checked-in {@code api/openapi.json}, and that must not break
 * {@code api/openapi.baseline.json} (the last released contract) within {@code /api/v1}.
 * <p>
 * After a deliberate change of the API, rewrite the checked-in file with
 * {@code ./mvnw -B -pl tenant-docrouter -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ApiContractIT -Dopenapi.update=true verify}
 * and commit it together with the change.
 */
@BillforgeIntegrationTest(classes = DocRouterApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "billforge.api.operator-token=docrouter-test-operator-token-0123456789")
class ApiContractIT {

	static final String UPDATE_COMMAND = "./mvnw -B -pl tenant-docrouter -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "
			+ "-Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ApiContractIT -Dopenapi.update=true verify";

	@LocalServerPort
	int port;

	private final JsonMapper json = JsonMapper.builder().build();

	static Path repositoryFile(String name) {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("repository root (with mvnw) above " + Path.of("").toAbsolutePath()).isNotNull();
		return dir.resolve(name);
	}

	/**
	 * The served document, pretty-printed with sorted keys so the checked-in copy diffs
	 * line by line.
	 */
	String servedSpec() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return OpenApiFiles.canonical(json.readTree(response.body()));
	}

	@Test
	void servedContractEqualsTheCheckedInSpec() throws Exception {
		String served = servedSpec();
		Path file = repositoryFile("api/openapi.json");
		if (Boolean.getBoolean("openapi.update")) {
			Files.writeString(file, served, StandardCharsets.UTF_8);
		}
		String checkedIn = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		assertThat(served).as("""
				The API served by the app differs from the checked-in api/openapi.json (diff below).
				If the change is intended, update the file with
				  %s
				review `git diff api/openapi.json` and commit it.""".formatted(UPDATE_COMMAND)).isEqualTo(checkedIn);
	}

	@Test
	void checkedInSpecKeepsEveryPromiseOfTheBaseline() throws Exception {
		JsonNode baseline = json.readTree(Files.readString(repositoryFile("api/openapi.baseline.json")));
		JsonNode current = json.readTree(Files.readString(repositoryFile("api/openapi.json")));
		List<String> breaking = new OpenApiCompatibility(baseline, current).breakingChanges();
		assertThat(breaking).as("""
				api/openapi.json breaks clients of api/openapi.baseline.json within /api/v1. Keep the old shape
				(add, don't remove or narrow), or, for a new major version, put the new shape under /api/v2.""")
			.isEmpty();
	}

}
