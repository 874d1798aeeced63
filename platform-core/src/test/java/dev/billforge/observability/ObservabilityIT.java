package dev.billforge.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;

/** What an operator's monitoring sees: probes for the load balancer, metrics behind the operator token. */
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"billforge.product.tag=doc_router", "billforge.value-metric.credit-name=SPU", "billforge.value-metric.free-tier=100",
		"billforge.value-metric.meters.page.rate=1", "billforge.billing.jobs.enabled=false",
		"billforge.api.operator-token=" + ObservabilityIT.OPERATOR_TOKEN,
		"management.prometheus.metrics.export.enabled=true", "management.endpoint.health.show-components=always" })
class ObservabilityIT {

	static final String OPERATOR_TOKEN = "operator-token-0123456789-0123456789";

	@LocalServerPort
	int port;

	@Autowired
	Orgs orgs;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void readinessCoversMongoKeycloakAndStripeAndLivenessIsUp() throws Exception {
		HttpResponse<String> readiness = get("/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"", "\"mongo\"", "\"keycloak\"", "\"stripe\"",
				"\"readinessState\"");

		HttpResponse<String> liveness = get("/actuator/health/liveness", null);
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"livenessState\"").doesNotContain("\"mongo\"");
	}

	@Test
	void prometheusAnswersOnlyTheOperatorToken() throws Exception {
		Org org = orgs.create("Metrics " + System.nanoTime(), ZoneId.of("UTC"));
		String key = orgs.createApiKey(org.id(), "test").key();

		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", key).statusCode()).as("an org key is not the operator").isEqualTo(401);
		assertThat(get("/actuator/prometheus", OPERATOR_TOKEN + "x").statusCode()).isEqualTo(401);
		HttpResponse<String> metrics = get("/actuator/prometheus", OPERATOR_TOKEN);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void usageShowsUpAsRecordedEventsAndCreditsChargedPerMeter() throws Exception {
		Org org = orgs.create("Usage " + System.nanoTime(), ZoneId.of("UTC"));
		String key = orgs.createApiKey(org.id(), "test").key();
		HttpResponse<String> usage = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/usage"))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"events\":[{\"idempotencyKey\":\"m-1\",\"meter\":\"page\",\"quantity\":3},"
					+ "{\"idempotencyKey\":\"m-1\",\"meter\":\"page\",\"quantity\":3}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);

		String metrics = get("/actuator/prometheus", OPERATOR_TOKEN).body();
		assertThat(metrics).containsPattern("billforge_usage_events_total\\{reason=\"none\",status=\"recorded\"} [1-9]")
			.containsPattern("billforge_usage_events_total\\{reason=\"none\",status=\"duplicate\"} [1-9]")
			.containsPattern("billforge_credits_charged_total\\{meter=\"page\"} [3-9]");
	}

	private HttpResponse<String> get(String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
