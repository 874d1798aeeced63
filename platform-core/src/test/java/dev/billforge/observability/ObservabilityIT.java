package dev.billforge.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.billforge.common.Tracing;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.valuemetric.Credits;

/**
 * What an operator's monitoring sees: probes for the load balancer, metrics behind the
 * operator token.
 */
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "billforge.product.tag=doc_router", "billforge.value-metric.credit-name=SPU",
				"billforge.value-metric.free-tier=100", "billforge.value-metric.meters.page.rate=1",
				"billforge.billing.jobs.enabled=false",
				"billforge.billing.catalog.location=classpath:billing-test-catalog.yml",
				"billforge.api.operator-token=" + ObservabilityIT.OPERATOR_TOKEN,
				"management.prometheus.metrics.export.enabled=true",
				"management.endpoint.health.show-components=always", "billforge.notifications.dispatch-interval=PT1S" })
class ObservabilityIT {

	static final String OPERATOR_TOKEN = "operator-token-0123456789-0123456789";

	@LocalServerPort
	int port;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

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
		HttpResponse<String> usage = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/usage"))
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"events\":[{\"idempotencyKey\":\"m-1\",\"meter\":\"page\",\"quantity\":3},"
							+ "{\"idempotencyKey\":\"m-1\",\"meter\":\"page\",\"quantity\":3}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);

		String metrics = get("/actuator/prometheus", OPERATOR_TOKEN).body();
		assertThat(metrics).containsPattern("billforge_usage_events_total\\{reason=\"none\",status=\"recorded\"} [1-9]")
			.containsPattern("billforge_usage_events_total\\{reason=\"none\",status=\"duplicate\"} [1-9]")
			.containsPattern("billforge_credits_charged_total\\{meter=\"page\"} [3-9]");
	}

	@Test
	void holdsProjectionParkedJobsAndPaymentRequiredAnswersAreMetrics() throws Exception {
		Org org = orgs.create("Gauges " + System.nanoTime(), ZoneId.of("UTC"));
		String key = orgs.createApiKey(org.id(), "test").key();
		ledger.reserve(org.id(), "gauge-hold", Credits.of(5), "page", Duration.ofMinutes(10));
		HttpResponse<String> refused = postUsage(key,
				"{\"enforce\":true,\"events\":[{\"idempotencyKey\":\"big-1\",\"meter\":\"page\",\"quantity\":100000}]}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(402);

		String metrics = get("/actuator/prometheus", OPERATOR_TOKEN).body();
		assertThat(metrics).containsPattern("billforge_ledger_holds_open [1-9]")
			.contains("billforge_ledger_projection_lag_commits ", "billforge_ledger_parked_commits 0.0")
			.containsPattern(
					"billforge_usage_events_total\\{reason=\"insufficient_credits\",status=\"rejected\"} [1-9]")
			.containsPattern(
					"http_server_requests_seconds_count\\{[^}]*status=\"402\"[^}]*uri=\"/api/v1/usage\"} [1-9]");
		// Scheduled jobs are timed by Spring's observation of @Scheduled methods (runs
		// and durations).
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/actuator/prometheus", OPERATOR_TOKEN).body()).containsPattern(
					"tasks_scheduled_execution_seconds_count\\{[^}]*code_function=\"dispatch\"[^}]*} [1-9]"));
	}

	@Test
	void webhookLagFromStripesEventToItsProcessingIsAHistogram() throws Exception {
		Org org = orgs.create("Lag " + System.nanoTime(), ZoneId.of("UTC"));
		String key = orgs.createApiKey(org.id(), "test").key();
		HttpResponse<String> checkout = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/billing/checkout-sessions"))
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"lookupKey\":\"test_pack_1000\",\"quantity\":1}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(201);
		String url = checkout.body().replaceAll("(?s).*\"url\":\"([^\"]+)\".*", "$1");
		URI page = URI.create(url);
		HttpResponse<String> paid = http.send(HttpRequest.newBuilder(page.resolve(page.getPath() + "/pay"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("method=card_success"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(paid.statusCode()).as(paid.body()).isIn(200, 302, 303);

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/actuator/prometheus", OPERATOR_TOKEN).body()).containsPattern(
					"billforge_stripe_webhook_events_total\\{outcome=\"processed\",type=\"checkout.session.completed\"} [1-9]")
				.containsPattern("billforge_stripe_webhook_lag_seconds_count [1-9]")
				.containsPattern("billforge_stripe_webhook_lag_seconds_bucket\\{le=\"86400.0\"} [1-9]")
				.contains("billforge_stripe_webhook_lag_seconds_bucket{le=\"1.0\"}"));
	}

	@Test
	void ledgerOperationsAreSpansCarryingTheOrg() throws Exception {
		List<SpanData> spans = new CopyOnWriteArrayList<>();
		GlobalOpenTelemetry.resetForTest();
		try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
			.setTracerProvider(SdkTracerProvider.builder()
				.addSpanProcessor(SimpleSpanProcessor.create(new Collecting(spans)))
				.build())
			.buildAndRegisterGlobal()) {
			Org org = orgs.create("Spans " + System.nanoTime(), ZoneId.of("UTC"));
			String key = orgs.createApiKey(org.id(), "test").key();
			assertThat(postUsage(key, "{\"events\":[{\"idempotencyKey\":\"s-1\",\"meter\":\"page\",\"quantity\":1}]}")
				.statusCode()).isEqualTo(200);
			var hold = ledger.reserve(org.id(), "span-hold", Credits.of(2), "page", Duration.ofMinutes(10));
			ledger.commit(org.id(), hold.id(), Credits.of(1));

			assertThat(spans).filteredOn(span -> org.id().value().equals(span.getAttributes().get(Tracing.ORG_ID)))
				.extracting(SpanData::getName)
				.contains("ledger.usage", "ledger.reserve", "ledger.commit");
		}
		finally {
			GlobalOpenTelemetry.resetForTest();
		}
	}

	private HttpResponse<String> postUsage(String key, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/usage"))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Keeps exported spans in a list (the SDK's test exporter is not a dependency here).
	 */
	private record Collecting(List<SpanData> spans) implements SpanExporter {

		@Override
		public CompletableResultCode export(java.util.Collection<SpanData> batch) {
			spans.addAll(batch);
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

	private HttpResponse<String> get(String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
