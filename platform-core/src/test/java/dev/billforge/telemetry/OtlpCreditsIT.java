package dev.billforge.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.google.protobuf.ByteString;
import com.mongodb.client.model.Filters;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.metering.UsageSummaries;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.valuemetric.Credits;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * Credits running out: a batch cut short stores and charges the part the org could pay
 * for and reports the rest in {@code partial_success}; the org then in debt is refused
 * with a 402; after a top-up the exporter's resend stores the rest and charges only what
 * was not charged before. Usage is grouped by operation (spans, traces, llm_cost) in the
 * rollups the usage dashboard shows.
 */
@TelemetryIntegrationTest
class OtlpCreditsIT {

	@LocalServerPort
	int port;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	UsageSummaries usage;

	@Test
	void aBatchCutShortStoresThePaidPartAndReportsTheRest() throws Exception {
		OrgId org = orgs.create("Almost out", ZoneId.of("UTC")).id();
		String key = orgs.createApiKey(org, "ci").key();
		ledger.clawBack(org, "leave-0.055", Credits.of("999.945"), null, "test: 0.055 TC left");
		OtlpClient client = new OtlpClient(port);
		byte[] batch = tenSpanTrace("4bf92f3577b34da6a3ce929d0e0e4736").toByteArray();

		HttpResponse<byte[]> cut = client.post("/v1/traces", key, OtlpClient.PROTOBUF, batch, true);

		assertThat(cut.statusCode()).isEqualTo(200);
		ExportTraceServiceResponse partial = ExportTraceServiceResponse.parseFrom(cut.body());
		assertThat(partial.getPartialSuccess().getRejectedSpans()).isEqualTo(5);
		assertThat(partial.getPartialSuccess().getErrorMessage())
			.startsWith("insufficient_credits: 5 of 10 spans refused");
		assertThat(storedSpans(org)).isEqualTo(5);
		// 5 spans paid from the 0.055 left; the trace fee of a stored trace is usage all
		// the same: debt
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.ZERO);
		assertThat(ledger.balance(org).debt()).isEqualTo(Credits.of("0.095"));

		// in debt: the resend keeps the stored half and refuses the rest again; a new
		// trace is refused whole
		HttpResponse<byte[]> again = client.post("/v1/traces", key, OtlpClient.PROTOBUF, batch, false);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(ExportTraceServiceResponse.parseFrom(again.body()).getPartialSuccess().getRejectedSpans())
			.isEqualTo(5);
		HttpResponse<byte[]> refused = client.post("/v1/traces", key, OtlpClient.PROTOBUF,
				tenSpanTrace("0af7651916cd43dd8448eb211c80319c").toByteArray(), false);
		assertThat(refused.statusCode()).isEqualTo(402);
		assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("insufficient_credits");
		assertThat(storedSpans(org)).isEqualTo(5);
		assertThat(ledger.balance(org).debt()).isEqualTo(Credits.of("0.095"));

		ledger.grant(org, new GrantRequest("top-up", GrantSource.PACK, Credits.of(10), null, null, "test", null));
		HttpResponse<byte[]> resent = client.post("/v1/traces", key, OtlpClient.PROTOBUF, batch, false);
		assertThat(resent.statusCode()).isEqualTo(200);
		assertThat(ExportTraceServiceResponse.parseFrom(resent.body()).hasPartialSuccess()).isFalse();
		assertThat(storedSpans(org)).isEqualTo(10);
		// 10 − 0.095 debt − 5 more spans (0.05) − the LLM cost of span 7 ($0.01 → 1 TC) =
		// 8.855
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of("8.855"));

		Map<String, Credits> byOperation = usageByOperation(org);
		assertThat(byOperation).containsEntry("spans", Credits.of("0.1"))
			.containsEntry("traces", Credits.of("0.1"))
			.containsEntry("llm_cost", Credits.of("1"));
	}

	@Test
	void anUncompressedBatchOfSeveralHundredKilobytesIsStoredLikeAGzippedOne() throws Exception {
		// exporters send uncompressed by default; 512 spans with attributes are well past
		// the 64 KB web-form limit
		OrgId org = orgs.create("Uncompressed", ZoneId.of("UTC")).id();
		String key = orgs.createApiKey(org, "ci").key();
		ScopeSpans.Builder scope = ScopeSpans.newBuilder();
		byte[] trace = java.util.HexFormat.of().parseHex("5b8efff798038103d269b633813fc60c");
		for (int i = 1; i <= 512; i++) {
			scope.addSpans(Span.newBuilder()
				.setTraceId(ByteString.copyFrom(trace))
				.setSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(i).array()))
				.setName("step " + i)
				.setStartTimeUnixNano(1_764_763_200_000_000_000L)
				.setEndTimeUnixNano(1_764_763_201_000_000_000L)
				.addAttributes(KeyValue.newBuilder()
					.setKey("gen_ai.prompt")
					.setValue(AnyValue.newBuilder().setStringValue("summarise the attached lab report ".repeat(20)))));
		}
		byte[] batch = ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
			.build()
			.toByteArray();
		assertThat(batch.length).isGreaterThan(300_000);

		HttpResponse<byte[]> answer = new OtlpClient(port).post("/v1/traces", key, OtlpClient.PROTOBUF, batch, false);

		assertThat(answer.statusCode()).as(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo(200);
		assertThat(ExportTraceServiceResponse.parseFrom(answer.body()).hasPartialSuccess()).isFalse();
		assertThat(storedSpans(org)).isEqualTo(512);
	}

	private Map<String, Credits> usageByOperation(OrgId org) throws InterruptedException {
		Instant now = Instant.now();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		Map<String, Credits> credits = Map.of();
		while (System.nanoTime() < deadline) {
			var summary = usage.usage(org, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), false,
					"operation");
			Map<String, Credits> sums = new java.util.HashMap<>();
			summary.buckets()
				.forEach(bucket -> bucket.credits()
					.forEach((operation, amount) -> sums.merge(operation, amount, Credits::plus)));
			credits = sums;
			if (credits.size() >= 3) {
				return credits;
			}
			Thread.sleep(100);
		}
		return credits;
	}

	private long storedSpans(OrgId org) {
		return mongo.getCollection("telemetry_spans").countDocuments(Filters.eq("org", org.value()));
	}

	/**
	 * One trace of ten spans; the seventh is an LLM call that reports its own cost
	 * ($0.01).
	 */
	private static ExportTraceServiceRequest tenSpanTrace(String traceId) {
		ScopeSpans.Builder spans = ScopeSpans.newBuilder();
		for (int i = 1; i <= 10; i++) {
			Span.Builder span = Span.newBuilder()
				.setTraceId(ByteString.copyFrom(java.util.HexFormat.of().parseHex(traceId)))
				.setSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(i).array()))
				.setName("step " + i)
				.setStartTimeUnixNano(1_764_763_200_000_000_000L + i)
				.setEndTimeUnixNano(1_764_763_201_000_000_000L);
			if (i == 7) {
				span.addAttributes(KeyValue.newBuilder()
					.setKey("gen_ai.usage.cost")
					.setValue(AnyValue.newBuilder().setDoubleValue(0.01)));
			}
			spans.addSpans(span);
		}
		return ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(spans))
			.build();
	}

}
