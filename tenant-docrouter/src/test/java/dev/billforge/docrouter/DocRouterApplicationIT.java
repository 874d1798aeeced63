package dev.billforge.docrouter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.billforge.branding.Brand;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DocRouter boots with its own value metric and brand: SPUs, 100 free, pages and LLM
 * tokens.
 */
@BillforgeIntegrationTest(classes = DocRouterApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "billforge.api.operator-token=docrouter-test-operator-token-0123456789")
class DocRouterApplicationIT {

	private static final String OPERATOR = "docrouter-test-operator-token-0123456789";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Brand brand;

	private final HttpClient http = HttpClient.newHttpClient();

	private JsonNode post(String path, String token, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
		return json.readTree(response.body());
	}

	@Test
	void newOrgsGetOneHundredFreeSpuAndPayForPagesAndTokens() throws Exception {
		JsonNode org = post("/api/v1/operator/orgs", OPERATOR, "{\"name\":\"Acme\"}");
		assertThat(org.get("available").asString()).isEqualTo("100");
		String key = post("/api/v1/operator/orgs/" + org.get("id").asString() + "/api-keys", OPERATOR, "{}").get("key")
			.asString();
		assertThat(key).startsWith("doc_router_sk_");
		JsonNode usage = post("/api/v1/usage", key, """
				{"events":[{"idempotencyKey":"a","meter":"page","quantity":3},
				           {"idempotencyKey":"b","meter":"llm_token","quantity":1234}]}""");
		assertThat(usage.get("balance").get("available").asString()).isEqualTo("95.76");
		assertThat(brand.values().productName()).isEqualTo("DocRouter");
	}

	@Test
	void healthIsUpSoContainerAndLoadBalancerChecksPass() throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void theMcpServerIsForPaidPlansAndEnterpriseContractsNotTheFreeTier() throws Exception {
		String org = post("/api/v1/operator/orgs", OPERATOR, "{\"name\":\"Free\"}").get("id").asString();
		String key = post("/api/v1/operator/orgs/" + org + "/api-keys", OPERATOR, "{}").get("key").asString();
		String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
				+ "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
		HttpResponse<String> refused = mcp(key, initialize);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(402);
		assertThat(json.readTree(refused.body()).get("code").asString()).isEqualTo("feature_not_included");

		HttpResponse<String> contract = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/operator/orgs/" + org + "/contract"))
			.header("Authorization", "Bearer " + OPERATOR)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"MSA\",\"creditsPerPeriod\":1000,\"reason\":\"it\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(contract.statusCode()).as(contract.body()).isEqualTo(200);
		HttpResponse<String> allowed = mcp(key, initialize);
		assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
	}

	private HttpResponse<String> mcp(String key, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/mcp"))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
