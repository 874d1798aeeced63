package dev.billforge.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.billforge.testsupport.BillforgeIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator API for parked projections and the rebuild of an org's read models, over
 * real HTTP.
 */
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "billforge.product.tag=doc_router", "billforge.value-metric.credit-name=SPU",
				"billforge.value-metric.free-tier=100", "billforge.value-metric.meters.page.rate=1",
				"billforge.value-metric.meters.llm_token.rate=0.001",
				"billforge.api.operator-token=" + OperatorProjectionsApiIT.OPERATOR_TOKEN })
class OperatorProjectionsApiIT {

	// The same settings as MachineApiIT, so both share one application context.
	static final String OPERATOR_TOKEN = "op-token-0123456789abcdef0123456789abcdef";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	private JsonNode call(String method, String path, String token, String body, int expectedStatus) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

	@Test
	void anOperatorRebuildsAnOrgsRollupsFromItsLedgerAndTheSummaryStaysExact() throws Exception {
		String orgId = call("POST", "/api/v1/operator/orgs", OPERATOR_TOKEN, "{\"name\":\"Rebuilt\"}", 201).get("id")
			.asString();
		String key = call("POST", "/api/v1/operator/orgs/" + orgId + "/api-keys", OPERATOR_TOKEN, "{\"name\":\"ci\"}",
				201)
			.get("key")
			.asString();
		call("POST", "/api/v1/usage", key, """
				{"events":[
				  {"idempotencyKey":"r1","meter":"page","quantity":2,"properties":{"operation":"extract"}},
				  {"idempotencyKey":"r2","meter":"llm_token","quantity":1234}
				]}""", 200);
		String range = "from=" + java.time.Instant.now().minus(Duration.ofDays(1)) + "&to="
				+ java.time.Instant.now().plus(Duration.ofDays(1));
		JsonNode before = call("GET", "/api/v1/usage/summary?" + range + "&groupBy=operation", key, null, 200);

		JsonNode report = call("POST", "/api/v1/operator/orgs/" + orgId + "/rollups/rebuild", OPERATOR_TOKEN, null,
				200);

		assertThat(report.get("orgId").asString()).isEqualTo(orgId);
		assertThat(report.get("commits").asLong()).isGreaterThanOrEqualTo(2);
		JsonNode after = call("GET", "/api/v1/usage/summary?" + range + "&groupBy=operation", key, null, 200);
		assertThat(after.get("total").asString()).isEqualTo("3.24");
		assertThat(after).isEqualTo(before);
		assertThat(call("GET", "/api/v1/operator/projections/parked", OPERATOR_TOKEN, null, 200).isArray()).isTrue();
	}

	@Test
	void theRebuildAndTheParkedListAreForOperatorsOnly() throws Exception {
		String orgId = call("POST", "/api/v1/operator/orgs", OPERATOR_TOKEN, "{\"name\":\"Other\"}", 201).get("id")
			.asString();
		String key = call("POST", "/api/v1/operator/orgs/" + orgId + "/api-keys", OPERATOR_TOKEN, "{\"name\":\"ci\"}",
				201)
			.get("key")
			.asString();

		call("POST", "/api/v1/operator/orgs/" + orgId + "/rollups/rebuild", key, null, 403);
		call("GET", "/api/v1/operator/projections/parked", key, null, 403);
		call("POST", "/api/v1/operator/orgs/org_00000000000000000000000000000000/rollups/rebuild", OPERATOR_TOKEN, null,
				404);
	}

}
