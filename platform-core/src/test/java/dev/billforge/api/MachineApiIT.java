package dev.billforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.billforge.testsupport.BillforgeIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine API over real HTTP: auth, usage, balance, holds, ledger and errors as
 * clients see them.
 */
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "billforge.product.tag=doc_router", "billforge.value-metric.credit-name=SPU",
				"billforge.value-metric.free-tier=100", "billforge.value-metric.meters.page.rate=1",
				"billforge.value-metric.meters.llm_token.rate=0.001",
				"billforge.api.operator-token=" + MachineApiIT.OPERATOR_TOKEN })
class MachineApiIT {

	static final String OPERATOR_TOKEN = "op-token-0123456789abcdef0123456789abcdef";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	private String orgId;

	private String key;

	@BeforeEach
	void createOrgWithKey() throws Exception {
		JsonNode org = call("POST", "/api/v1/operator/orgs", OPERATOR_TOKEN,
				"{\"name\":\"Acme\",\"timeZone\":\"Europe/Berlin\"}", 201);
		orgId = org.get("id").asString();
		assertThat(org.get("available").asString()).isEqualTo("100");
		JsonNode issued = call("POST", "/api/v1/operator/orgs/" + orgId + "/api-keys", OPERATOR_TOKEN,
				"{\"name\":\"ci\"}", 201);
		key = issued.get("key").asString();
		assertThat(key).startsWith("doc_router_sk_");
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode call(String method, String path, String token, String body, int expectedStatus) throws Exception {
		HttpResponse<String> response = send(method, path, token, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

	@Test
	void usageIsRatedChargedOnceAndShownInTheBalance() throws Exception {
		String batch = """
				{"events":[
				  {"idempotencyKey":"e1","meter":"llm_token","quantity":1234},
				  {"idempotencyKey":"e2","meter":"page","quantity":"3","properties":{"operation":"extract"}},
				  {"idempotencyKey":"e1","meter":"llm_token","quantity":1234}
				]}""";
		JsonNode first = call("POST", "/api/v1/usage", key, batch, 200);
		assertThat(first.get("results").get(0).get("status").asString()).isEqualTo("recorded");
		assertThat(first.get("results").get(0).get("credits").asString()).isEqualTo("1.24");
		assertThat(first.get("results").get(1).get("credits").asString()).isEqualTo("3");
		assertThat(first.get("results").get(2).get("status").asString()).isEqualTo("duplicate");
		assertThat(first.get("balance").get("available").asString()).isEqualTo("95.76");

		JsonNode again = call("POST", "/api/v1/usage", key, batch, 200);
		assertThat(again.get("results").get(0).get("status").asString()).isEqualTo("duplicate");
		JsonNode conflict = call("POST", "/api/v1/usage", key,
				"{\"events\":[{\"idempotencyKey\":\"e2\",\"meter\":\"page\",\"quantity\":4}]}", 200);
		assertThat(conflict.get("results").get(0).get("status").asString()).isEqualTo("conflict");

		JsonNode balance = call("GET", "/api/v1/balance", key, null, 200);
		assertThat(balance.get("creditName").asString()).isEqualTo("SPU");
		assertThat(balance.get("available").asString()).isEqualTo("95.76");
		assertThat(balance.get("used").asString()).isEqualTo("4.24");
	}

	@Test
	void badEventsAreInvalidWithoutPoisoningTheBatch() throws Exception {
		String batch = """
				{"events":[
				  {"idempotencyKey":"ok","meter":"page","quantity":1},
				  {"idempotencyKey":"zero","meter":"page","quantity":0},
				  {"idempotencyKey":"neg","meter":"page","quantity":-2},
				  {"idempotencyKey":"nan","meter":"page","quantity":"NaN"},
				  {"idempotencyKey":"huge","meter":"page","quantity":1e30},
				  {"idempotencyKey":"unknown","meter":"minutes","quantity":1},
				  {"idempotencyKey":"future","meter":"page","quantity":1,"occurredAt":"2999-01-01T00:00:00Z"},
				  {"idempotencyKey":"typo","meter":"page","quantiy":1},
				  {"meter":"page","quantity":1}
				]}""";
		JsonNode result = call("POST", "/api/v1/usage", key, batch, 200);
		JsonNode results = result.get("results");
		assertThat(results.get(0).get("status").asString()).isEqualTo("recorded");
		for (int i = 1; i < results.size(); i++) {
			assertThat(results.get(i).get("status").asString()).as(results.get(i).toString()).isEqualTo("invalid");
			assertThat(results.get(i).get("error").get("code").asString()).isEqualTo("invalid_request");
		}
		assertThat(results.get(5).get("error").get("field").asString()).isEqualTo("meter");
		assertThat(result.get("balance").get("available").asString()).isEqualTo("99");
	}

	@Test
	void malformedRequestsGetProblemJsonNeverA500() throws Exception {
		HttpResponse<String> malformed = send("POST", "/api/v1/usage", key, "{\"events\":[");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
		assertThat(json.readTree(malformed.body()).get("code").asString()).isEqualTo("invalid_request");
		assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at dev.");

		assertThat(send("GET", "/api/v1/balance", null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/v1/balance", "doc_router_sk_nope", null).statusCode()).isEqualTo(401);
		assertThat(send("POST", "/api/v1/operator/orgs", key, "{\"name\":\"x\"}").statusCode()).isEqualTo(403);

		StringBuilder many = new StringBuilder("{\"events\":[");
		for (int i = 0; i < 1001; i++) {
			many.append(i == 0 ? "" : ",")
				.append("{\"idempotencyKey\":\"k")
				.append(i)
				.append("\",\"meter\":\"page\",\"quantity\":1}");
		}
		HttpResponse<String> tooMany = send("POST", "/api/v1/usage", key, many.append("]}").toString());
		assertThat(tooMany.statusCode()).isEqualTo(413);
		assertThat(json.readTree(tooMany.body()).get("code").asString()).isEqualTo("payload_too_large");
		assertThat(call("GET", "/api/v1/balance", key, null, 200).get("available").asString()).isEqualTo("100");

		HttpResponse<String> huge = send("POST", "/api/v1/usage", key,
				"{\"events\":[], \"pad\":\"" + "x".repeat(3_000_000) + "\"}");
		assertThat(huge.statusCode()).isEqualTo(413);
	}

	@Test
	void theOpenApiDescriptionIsPublicAndListsTheApi() throws Exception {
		JsonNode docs = call("GET", "/v3/api-docs", null, null, 200);
		assertThat(docs.get("paths").has("/api/v1/usage")).isTrue();
		assertThat(docs.get("paths").has("/api/v1/reservations/{id}/commit")).isTrue();
		assertThat(send("GET", "/swagger-ui.html", null, null).statusCode()).isIn(200, 302);
	}

	@Test
	void holdCommitAndReleaseThroughTheApi() throws Exception {
		JsonNode hold = call("POST", "/api/v1/reservations", key,
				"{\"idempotencyKey\":\"job-1\",\"credits\":40,\"ttlSeconds\":60}", 201);
		assertThat(hold.get("status").asString()).isEqualTo("held");
		assertThat(call("GET", "/api/v1/balance", key, null, 200).get("available").asString()).isEqualTo("60");
		JsonNode committed = call("POST", "/api/v1/reservations/" + hold.get("id").asString() + "/commit", key,
				"{\"credits\":25}", 200);
		assertThat(committed.get("charged").asString()).isEqualTo("25");
		assertThat(committed.get("released").asString()).isEqualTo("15");
		assertThat(call("GET", "/api/v1/balance", key, null, 200).get("available").asString()).isEqualTo("75");

		JsonNode denied = call("POST", "/api/v1/reservations", key, "{\"idempotencyKey\":\"job-2\",\"credits\":500}",
				402);
		assertThat(denied.get("code").asString()).isEqualTo("insufficient_credits");

		JsonNode check = call("POST", "/api/v1/entitlements/check", key, "{\"meter\":\"page\",\"quantity\":80}", 200);
		assertThat(check.get("allowed").asBoolean()).isFalse();
		assertThat(check.get("reason").asString()).isEqualTo("insufficient_credits");
	}

	@Test
	void anotherOrgsReservationIsNotFound() throws Exception {
		JsonNode hold = call("POST", "/api/v1/reservations", key, "{\"idempotencyKey\":\"mine\",\"credits\":5}", 201);
		JsonNode other = call("POST", "/api/v1/operator/orgs", OPERATOR_TOKEN, "{\"name\":\"Other\"}", 201);
		String otherKey = call("POST", "/api/v1/operator/orgs/" + other.get("id").asString() + "/api-keys",
				OPERATOR_TOKEN, "{}", 201)
			.get("key")
			.asString();
		JsonNode notFound = call("POST", "/api/v1/reservations/" + hold.get("id").asString() + "/commit", otherKey,
				"{\"credits\":5}", 404);
		assertThat(notFound.get("code").asString()).isEqualTo("not_found");
		assertThat(call("GET", "/api/v1/balance", key, null, 200).get("held").asString()).isEqualTo("5");
	}

	@Test
	void ledgerPagesNewestFirstAndVerifies() throws Exception {
		for (int i = 0; i < 5; i++) {
			call("POST", "/api/v1/usage", key,
					"{\"events\":[{\"idempotencyKey\":\"p" + i + "\",\"meter\":\"page\",\"quantity\":1}]}", 200);
		}
		JsonNode page1 = call("GET", "/api/v1/ledger?limit=4", key, null, 200);
		assertThat(page1.get("entries").size()).isEqualTo(4);
		assertThat(page1.get("entries").get(0).get("availableAfter").asString()).isEqualTo("95");
		JsonNode page2 = call("GET", "/api/v1/ledger?limit=4&cursor=" + page1.get("nextCursor").asString(), key, null,
				200);
		assertThat(page2.get("entries").size()).isEqualTo(2);
		assertThat(page2.get("entries").get(1).get("type").asString()).isEqualTo("grant");
		JsonNode verify = call("GET", "/api/v1/operator/orgs/" + orgId + "/ledger/verify", OPERATOR_TOKEN, null, 200);
		assertThat(verify.get("consistent").asBoolean()).isTrue();
	}

	@Test
	void usageSummaryGroupsByMeterAndProperty() throws Exception {
		call("POST", "/api/v1/usage", key, """
				{"events":[
				  {"idempotencyKey":"s1","meter":"page","quantity":2,"properties":{"operation":"extract"}},
				  {"idempotencyKey":"s2","meter":"llm_token","quantity":1000,"properties":{"operation":"classify"}}
				]}""", 200);
		String range = "from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z";
		assertThat(send("GET", "/api/v1/usage/summary?" + range, key, null).statusCode()).isEqualTo(400);
		String recent = "from=" + java.time.Instant.now().minus(Duration.ofDays(1)) + "&to="
				+ java.time.Instant.now().plus(Duration.ofDays(1));
		JsonNode byMeter = call("GET", "/api/v1/usage/summary?" + recent + "&granularity=day", key, null, 200);
		assertThat(byMeter.get("total").asString()).isEqualTo("3");
		JsonNode byOperation = call("GET", "/api/v1/usage/summary?" + recent + "&groupBy=operation", key, null, 200);
		JsonNode groups = byOperation.get("buckets").get(0).get("credits");
		assertThat(groups.get("extract").asString()).isEqualTo("2");
		assertThat(groups.get("classify").asString()).isEqualTo("1");
	}

}
