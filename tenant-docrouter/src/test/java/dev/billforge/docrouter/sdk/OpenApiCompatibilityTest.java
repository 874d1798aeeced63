package dev.billforge.docrouter.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-made before/after documents: what a client of the old one would notice, and what
 * it would not.
 */
class OpenApiCompatibilityTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A small API: GET /api/v1/balance answers Balance; POST /api/v1/reservations takes
	 * ReserveRequest.
	 */
	private static final String BEFORE = """
			{"paths":{
			  "/api/v1/balance":{"get":{"parameters":[{"name":"limit","in":"query","schema":{"type":"integer","format":"int32"}}],
			    "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Balance"}}}}}}},
			  "/api/v1/reservations":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ReserveRequest"}}}},
			    "responses":{"201":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Hold"}}}}}}},
			  "/internal/debug":{"get":{"responses":{"200":{}}}}},
			 "components":{"schemas":{
			  "Balance":{"type":"object","properties":{"available":{"type":"string","format":"decimal"},"grants":{"type":"array","items":{"$ref":"#/components/schemas/Grant"}}}},
			  "Grant":{"type":"object","properties":{"id":{"type":"string"},"expiresAt":{"type":"string","format":"date-time"}}},
			  "ReserveRequest":{"type":"object","required":["idempotencyKey"],"properties":{"idempotencyKey":{"type":"string"},"credits":{"type":"integer"},"mode":{"type":"string","enum":["hard","soft"]}}},
			  "Hold":{"type":"object","properties":{"id":{"type":"string"},"status":{"type":"string","enum":["held","committed"]}}}}}}
			""";

	private static List<String> breaking(String after) throws Exception {
		return new OpenApiCompatibility(JSON.readTree(BEFORE), JSON.readTree(after)).breakingChanges();
	}

	/** BEFORE with one text replacement. */
	private static String change(String from, String to) {
		assertThat(BEFORE).contains(from);
		return BEFORE.replace(from, to);
	}

	@Test
	void theSameDocumentIsCompatible() throws Exception {
		assertThat(breaking(BEFORE)).isEmpty();
	}

	@Test
	void additionsAreCompatible() throws Exception {
		String after = change("\"id\":{\"type\":\"string\"},\"expiresAt\"",
				"\"id\":{\"type\":\"string\"},\"note\":{\"type\":\"string\"},\"expiresAt\"")
			.replace("\"enum\":[\"held\",\"committed\"]", "\"enum\":[\"held\",\"committed\",\"expired\"]")
			.replace("\"/internal/debug\"",
					"\"/api/v1/alerts\":{\"get\":{\"responses\":{\"200\":{}}}},\"/internal/debug\"")
			.replace("\"enum\":[\"hard\",\"soft\"]", "\"enum\":[\"hard\",\"soft\",\"none\"]");
		assertThat(breaking(after)).isEmpty();
	}

	@Test
	void removedPathOperationOrResponseFieldBreaksClients() throws Exception {
		assertThat(breaking(change("\"/api/v1/balance\"", "\"/api/v1/balances\"")))
			.containsExactly("removed path /api/v1/balance");
		assertThat(breaking(change("\"/api/v1/reservations\":{\"post\"", "\"/api/v1/reservations\":{\"put\"")))
			.containsExactly("removed operation POST /api/v1/reservations");
		assertThat(breaking(
				change("\"id\":{\"type\":\"string\"},\"expiresAt\":{\"type\":\"string\",\"format\":\"date-time\"}",
						"\"id\":{\"type\":\"string\"}")))
			.containsExactly("GET /api/v1/balance response 200.grants[]: removed field expiresAt");
	}

	@Test
	void changedOrNarrowedTypesBreakClients() throws Exception {
		assertThat(breaking(change("\"available\":{\"type\":\"string\",\"format\":\"decimal\"}",
				"\"available\":{\"type\":\"number\"}")))
			.containsExactly("GET /api/v1/balance response 200.available: type changed from string to number");
		assertThat(breaking(change("\"expiresAt\":{\"type\":\"string\",\"format\":\"date-time\"}",
				"\"expiresAt\":{\"type\":\"string\"}")))
			.containsExactly(
					"GET /api/v1/balance response 200.grants[].expiresAt: format changed from date-time to none");
		assertThat(breaking(change("\"enum\":[\"hard\",\"soft\"]", "\"enum\":[\"hard\"]")))
			.containsExactly("POST /api/v1/reservations request.mode: no longer accepts soft");
		assertThat(breaking(
				change("\"schema\":{\"type\":\"integer\",\"format\":\"int32\"}", "\"schema\":{\"type\":\"string\"}")))
			.containsExactly("GET /api/v1/balance parameter limit: type changed from integer to string");
	}

	@Test
	void aRequestMayWidenAnIntegerToANumberButNotTheOtherWay() throws Exception {
		assertThat(breaking(change("\"credits\":{\"type\":\"integer\"}", "\"credits\":{\"type\":\"number\"}")))
			.isEmpty();
		JsonNode widened = JSON
			.readTree(change("\"credits\":{\"type\":\"integer\"}", "\"credits\":{\"type\":\"number\"}"));
		assertThat(new OpenApiCompatibility(widened, JSON.readTree(BEFORE)).breakingChanges())
			.containsExactly("POST /api/v1/reservations request.credits: type changed from number to integer");
	}

	@Test
	void newRequiredRequestFieldOrParameterBreaksClients() throws Exception {
		assertThat(
				breaking(change("\"required\":[\"idempotencyKey\"]", "\"required\":[\"idempotencyKey\",\"credits\"]")))
			.containsExactly("POST /api/v1/reservations request: new required field credits");
		assertThat(breaking(change("{\"name\":\"limit\",\"in\":\"query\",",
				"{\"name\":\"org\",\"in\":\"query\",\"required\":true,\"schema\":{\"type\":\"string\"}},{\"name\":\"limit\",\"in\":\"query\",")))
			.containsExactly("new required GET /api/v1/balance parameter org");
	}

	@Test
	void pathsOutsideApiV1AreNotPromised() throws Exception {
		assertThat(breaking(
				change("\"/internal/debug\":{\"get\":{\"responses\":{\"200\":{}}}}", "\"/internal/other\":{}")))
			.isEmpty();
	}

}
