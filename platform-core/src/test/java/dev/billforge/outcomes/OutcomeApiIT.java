package dev.billforge.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.valuemetric.Credits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcomes API over real HTTP with an org key: idempotent proposals, transitions,
 * errors a product sees.
 */
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "billforge.value-metric.free-tier=0", "billforge.outcomes.types.lab_report.fee=500",
				"billforge.outcomes.types.lab_report.approver-role=reviewer",
				"billforge.outcomes.types.lab_report.evidence-required=true" })
class OutcomeApiIT {

	static final String SHA = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

	static final String REPORT = """
			{"id":"rep-1","type":"lab_report","subject":"Sample 4711",
			 "evidence":{"url":"https://lab.example/rep-1.pdf","sha256":"%s","summary":"CBC"},
			 "occurredAt":"2026-11-09T10:00:00Z"}""".formatted(SHA);

	static final String REVIEWER = "{\"actor\":{\"id\":\"kc-1\",\"email\":\"rita@client.test\"},\"reason\":\"%s\"}";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	CreditLedger ledger;

	private final HttpClient http = HttpClient.newHttpClient();

	private OrgId org;

	private String key;

	@BeforeEach
	void clientOrgWithKeyAndReviewer() {
		org = orgs.create("Client Lab", ZoneId.of("UTC")).id();
		key = orgs.createApiKey(org, "portal").key();
		memberships.add(org, "rita@client.test", Role.REVIEWER);
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode call(String method, String path, String body, int expectedStatus) throws Exception {
		HttpResponse<String> response = send(method, path, key, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

	@Test
	void aRetriedProposalGetsTheSameAnswerAndAnotherBodyUnderItsIdIsA409() throws Exception {
		JsonNode first = call("POST", "/api/v1/outcomes", REPORT, 201);
		JsonNode again = call("POST", "/api/v1/outcomes", REPORT, 201);
		assertThat(again).isEqualTo(first);
		assertThat(first.get("status").asString()).isEqualTo("proposed");
		assertThat(first.get("evidence").get("sha256").asString()).isEqualTo(SHA.toLowerCase());

		JsonNode conflict = call("POST", "/api/v1/outcomes", REPORT.replace("Sample 4711", "Sample 4712"), 409);
		assertThat(conflict.get("code").asString()).isEqualTo("idempotency_conflict");
		assertThat(call("GET", "/api/v1/outcomes", null, 200).get("outcomes")).hasSize(1);
	}

	@Test
	void approvalWithoutCreditsIsA402WithTheBuyMessageAndWithCreditsHoldsTheFee() throws Exception {
		call("POST", "/api/v1/outcomes", REPORT, 201);
		JsonNode refused = call("POST", "/api/v1/outcomes/rep-1/approve", REVIEWER.formatted("ok"), 402);
		assertThat(refused.get("code").asString()).isEqualTo("insufficient_credits");
		assertThat(refused.get("detail").asString()).contains("Buy credits or upgrade your plan");

		ledger.grant(org, new GrantRequest("pack", GrantSource.PACK, Credits.of(600), null, null, "pack", null));
		JsonNode approved = call("POST", "/api/v1/outcomes/rep-1/approve", REVIEWER.formatted("looks right"), 200);
		assertThat(approved.get("status").asString()).isEqualTo("approved");
		assertThat(approved.get("audit")).hasSize(2);
		assertThat(approved.get("audit").get(1).get("actorEmail").asString()).isEqualTo("rita@client.test");
		assertThat(ledger.balance(org).held()).isEqualTo(Credits.of(500));

		JsonNode approvedList = call("GET", "/api/v1/outcomes?status=approved&type=lab_report", null, 200);
		assertThat(approvedList.get("outcomes")).hasSize(1);
		assertThat(call("GET", "/api/v1/outcomes?status=proposed", null, 200).get("outcomes")).isEmpty();

		JsonNode disputed = call("POST", "/api/v1/outcomes/rep-1/dispute", REVIEWER.formatted("wrong sample"), 200);
		assertThat(disputed.get("status").asString()).isEqualTo("disputed");
		HttpResponse<String> csv = send("GET", "/api/v1/outcomes/rep-1/audit.csv", key, null);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body().lines()).hasSize(4);
		assertThat(csv.body()).contains("\"wrong sample\"");
	}

	@Test
	void badInputIsA400AndAnActorWhoIsNoReviewerIsA403() throws Exception {
		assertThat(
				call("POST", "/api/v1/outcomes", REPORT.replace("https://lab.example", "javascript:alert(1)//x"), 400)
					.get("code")
					.asString())
			.isEqualTo("invalid_request");
		assertThat(call("GET", "/api/v1/outcomes?status=paid", null, 400).get("code").asString())
			.isEqualTo("invalid_request");
		call("POST", "/api/v1/outcomes", REPORT, 201);
		JsonNode forbidden = call("POST", "/api/v1/outcomes/rep-1/approve",
				"{\"actor\":{\"id\":\"x\",\"email\":\"mallory@evil.test\"}}", 403);
		assertThat(forbidden.get("code").asString()).isEqualTo("forbidden");
		assertThat(
				call("POST", "/api/v1/outcomes/rep-1/dispute", REVIEWER.formatted("early"), 409).get("code").asString())
			.isEqualTo("invalid_transition");
	}

	@Test
	void anotherOrgsOutcomeIsNotFound() throws Exception {
		call("POST", "/api/v1/outcomes", REPORT, 201);
		OrgId other = orgs.create("Other Lab", ZoneId.of("UTC")).id();
		String otherKey = orgs.createApiKey(other, "spy").key();
		assertThat(send("GET", "/api/v1/outcomes/rep-1", otherKey, null).statusCode()).isEqualTo(404);
		assertThat(send("POST", "/api/v1/outcomes/rep-1/approve", otherKey, REVIEWER.formatted("x")).statusCode())
			.isEqualTo(404);
		assertThat(send("GET", "/api/v1/outcomes/rep-1/audit.csv", otherKey, null).statusCode()).isEqualTo(404);
	}

}
