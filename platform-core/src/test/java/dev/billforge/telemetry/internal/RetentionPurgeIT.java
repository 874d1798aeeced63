package dev.billforge.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.billforge.ledger.Balance;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.telemetry.TelemetryIntegrationTest;
import dev.billforge.telemetry.TelemetryProperties;

/**
 * The retention purge: spans, trace summaries, log records and data points received
 * longer ago than the tenant's {@code billforge.telemetry.retention} are gone, newer ones
 * stay, and the charges made for them (ledger commits and operations, the balance and
 * period usage) are untouched.
 */
@TelemetryIntegrationTest
class RetentionPurgeIT {

	private static final List<String> TELEMETRY = List.of(TelemetryStore.SPANS, TelemetryStore.TRACES,
			TelemetryStore.LOGS, TelemetryStore.METRICS);

	private static final List<String> BILLING = List.of("ledger_commits", "ledger_ops");

	@LocalServerPort
	int port;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	RetentionPurge purge;

	@Autowired
	TelemetryProperties properties;

	@Test
	void dataOlderThanTheRetentionIsDeletedNewerStaysAndChargesStay() throws Exception {
		OrgId org = orgs.create("Retention", ZoneId.of("UTC")).id();
		String key = orgs.createApiKey(org, "ci").key();
		HttpOtlp otlp = new HttpOtlp(port, key);
		otlp.send("/v1/traces", "old-trace.json");
		otlp.send("/v1/logs", "old-logs.json");
		otlp.send("/v1/metrics", "old-metrics.json");
		// what is stored so far was received longer ago than the retention (plus a
		// minute)
		Date old = Date.from(Instant.now().minus(properties.getRetention()).minus(Duration.ofMinutes(1)));
		for (String collection : TELEMETRY) {
			mongo.getCollection(collection).updateMany(Filters.eq("org", org.value()), Updates.set("receivedAt", old));
		}
		otlp.send("/v1/traces", "new-trace.json");
		otlp.send("/v1/logs", "new-logs.json");
		otlp.send("/v1/metrics", "new-metrics.json");
		Map<String, Long> before = counts(org, TELEMETRY);
		assertThat(before).allSatisfy((collection, count) -> assertThat(count).as(collection).isEqualTo(2));
		Map<String, Long> billingBefore = counts(null, BILLING);
		Balance balanceBefore = ledger.balance(org);

		assertThat(purge.purgeNow()).isGreaterThanOrEqualTo(4);

		assertThat(counts(org, TELEMETRY))
			.allSatisfy((collection, count) -> assertThat(count).as(collection).isEqualTo(1));
		assertThat(mongo.getCollection(TelemetryStore.SPANS)
			.find(Filters.eq("org", org.value()))
			.first()
			.getString("name")).isEqualTo("new span");
		assertThat(counts(null, BILLING)).isEqualTo(billingBefore);
		Balance balanceAfter = ledger.balance(org);
		assertThat(balanceAfter.available()).isEqualTo(balanceBefore.available());
		assertThat(balanceAfter.usedInPeriod()).isEqualTo(balanceBefore.usedInPeriod());
		assertThat(balanceAfter.usedInPeriod().isPositive()).isTrue();
	}

	private Map<String, Long> counts(OrgId org, List<String> collections) {
		return collections.stream()
			.collect(Collectors.toMap(Function.identity(),
					name -> org == null ? mongo.getCollection(name).countDocuments()
							: mongo.getCollection(name).countDocuments(Filters.eq("org", org.value()))));
	}

	/** Small OTLP JSON bodies, one item each, received now. */
	private record HttpOtlp(int port, String key) {

		void send(String path, String name) throws Exception {
			long now = Instant.now().toEpochMilli() * 1_000_000L;
			boolean old = name.startsWith("old");
			String body = switch (path) {
				case "/v1/traces" -> "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\""
						+ (old ? "0000000000000000000000000000e001" : "0000000000000000000000000000e002")
						+ "\",\"spanId\":\"00000000000000e1\",\"name\":\"" + (old ? "old span" : "new span")
						+ "\",\"startTimeUnixNano\":\"" + now + "\",\"endTimeUnixNano\":\"" + (now + 1000)
						+ "\"}]}]}]}";
				case "/v1/logs" -> "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\"" + now
						+ "\",\"body\":{\"stringValue\":\"" + name + "\"}}]}]}]}";
				default -> "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"queue.depth\",\"gauge\":"
						+ "{\"dataPoints\":[{\"timeUnixNano\":\"" + now + "\",\"asInt\":\"" + (old ? 1 : 2)
						+ "\"}]}}]}]}]}";
			};
			var response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + key)
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}

	}

}
