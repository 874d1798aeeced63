package dev.billforge.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.valuemetric.Credits;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The real OpenTelemetry Java SDK exports traces, logs and metrics to a running app over
 * http/protobuf and http/json, gzip on and off: stored and charged once, an exporter's
 * retry of the same batch charges nothing more, and an org without credits gets a refusal
 * the exporter does not retry.
 */
@TelemetryIntegrationTest
class TelemetryExportIT {

	@LocalServerPort
	int port;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AtomicInteger otlpRequests;

	@ParameterizedTest(name = "json={0} gzip={1}")
	@CsvSource({ "false,false", "false,true", "true,false", "true,true" })
	void agentTraceIsStoredAndChargedOnceAndARetryChargesNothing(boolean json, boolean gzip) throws Exception {
		OrgId org = orgs.create("Acme", ZoneId.of("UTC")).id();
		String key = orgs.createApiKey(org, "ci").key();
		List<SpanData> spans = agentTrace();
		SpanExporter exporter = spanExporter(key, json, gzip);

		assertThat(exporter.export(spans).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

		// 1 trace 0.1 + 3 spans 0.03 + LLM cost (1,000 in × $3/M + 200 out × $15/M =
		// $0.006) × 100 TC/USD = 0.6
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of("999.27"));
		assertThat(count("telemetry_spans", org)).isEqualTo(3);
		Document chat = mongo.getCollection("telemetry_spans")
			.find(Filters.and(Filters.eq("org", org.value()), Filters.eq("name", "chat claude-sonnet-4-5")))
			.first();
		assertThat(chat.get("ai", Document.class).getString("costUsd")).isEqualTo("0.006");
		assertThat(chat.get("ai", Document.class).getString("costSource")).isEqualTo("table");
		assertThat(chat.get("ai", Document.class).getString("priceVersion")).isEqualTo("test-2026-12");
		assertThat(attribute(chat, "gen_ai.usage.input_tokens")).isEqualTo(1000L);
		assertThat(attribute(chat, "temperature")).isEqualTo(0.2);
		assertThat(attribute(chat, "stream")).isEqualTo(false);
		assertThat(attribute(chat, "gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
		assertThat(chat.getList("events", Document.class)).extracting(e -> e.getString("name"))
			.containsExactly("first_token");
		Document trace = mongo.getCollection("telemetry_traces").find(Filters.eq("org", org.value())).first();
		assertThat(trace.getInteger("spans")).isEqualTo(3);
		assertThat(trace.getInteger("errors")).isEqualTo(1);
		assertThat(trace.getString("name")).isEqualTo("invoke_agent support-bot");
		assertThat(trace.getList("agents", String.class)).containsExactly("support-bot");

		assertThat(exporter.export(spans).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of("999.27"));
		assertThat(count("telemetry_spans", org)).isEqualTo(3);
		exporter.shutdown();
	}

	@ParameterizedTest(name = "json={0} gzip={1}")
	@CsvSource({ "false,true", "true,false" })
	void claudeCodeLogsAndMetricsAreStoredAndChargedOnce(boolean json, boolean gzip) throws Exception {
		OrgId org = orgs.create("Acme", ZoneId.of("UTC")).id();
		String key = orgs.createApiKey(org, "ci").key();
		List<LogRecordData> logs = claudeCodeEvents();
		LogRecordExporter logExporter = logExporter(key, json, gzip);
		assertThat(logExporter.export(logs).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
		assertThat(logExporter.export(logs).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
		// 2 log records × 0.001 + the api_request's own cost_usd 0.0123 × 100 = 1.23
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of("998.768"));
		assertThat(count("telemetry_logs", org)).isEqualTo(2);
		Document request = mongo.getCollection("telemetry_logs")
			.find(Filters.and(Filters.eq("org", org.value()), Filters.eq("event", "claude_code.api_request")))
			.first();
		assertThat(request.getString("session")).isEqualTo("session-7");
		assertThat(request.get("ai", Document.class).getString("costSource")).isEqualTo("data");
		assertThat(request.get("ai", Document.class).get("tokens", Document.class).get("cacheRead")).isEqualTo(5000L);

		Collection<MetricData> metrics = claudeCodeMetrics();
		MetricExporter metricExporter = metricExporter(key, json, gzip);
		assertThat(metricExporter.export(metrics).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
		assertThat(metricExporter.export(metrics).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
		long points = count("telemetry_metrics", org);
		assertThat(points).isEqualTo(3);
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of("998.765"));
		logExporter.shutdown();
		metricExporter.shutdown();
	}

	@Test
	void anOrgWithoutCreditsIsRefusedOnceAndNothingIsStored() throws Exception {
		OrgId org = orgs.create("Broke", ZoneId.of("UTC")).id();
		String key = orgs.createApiKey(org, "ci").key();
		ledger.clawBack(org, "empty-it", Credits.of(1000), null, "test: no credits left");
		SpanExporter exporter = spanExporter(key, false, true);
		int before = otlpRequests.get();
		long started = System.nanoTime();

		CompletableResultCode result = exporter.export(agentTrace()).join(30, TimeUnit.SECONDS);

		assertThat(result.isDone()).isTrue();
		assertThat(result.isSuccess()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(otlpRequests.get() - before).as("requests the exporter sent").isEqualTo(1);
		assertThat(count("telemetry_spans", org)).isZero();
		assertThat(ledger.balance(org).debt()).isEqualTo(Credits.ZERO);
		exporter.shutdown();
	}

	private long count(String collection, OrgId org) {
		return mongo.getCollection(collection).countDocuments(Filters.eq("org", org.value()));
	}

	private static Object attribute(Document doc, String key) {
		return doc.getList("attributes", Document.class)
			.stream()
			.filter(kv -> kv.getString("k").equals(key))
			.findFirst()
			.map(kv -> kv.get("v"))
			.orElse(null);
	}

	/**
	 * An agent run: invoke_agent → chat (tokens, typed attributes, an event) and a
	 * failing tool call.
	 */
	static List<SpanData> agentTrace() {
		List<SpanData> finished = new ArrayList<>();
		SdkTracerProvider provider = SdkTracerProvider.builder()
			.setResource(Resource.getDefault()
				.merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "support-agent"))))
			.addSpanProcessor(SimpleSpanProcessor.create(collecting(finished)))
			.build();
		Tracer tracer = provider.get("test");
		Span agent = tracer.spanBuilder("invoke_agent support-bot")
			.setAttribute("gen_ai.operation.name", "invoke_agent")
			.setAttribute("gen_ai.agent.name", "support-bot")
			.setAttribute("gen_ai.conversation.id", "conv-1")
			.startSpan();
		try (Scope scope = agent.makeCurrent()) {
			Span chat = tracer.spanBuilder("chat claude-sonnet-4-5")
				.setSpanKind(SpanKind.CLIENT)
				.setAttribute("gen_ai.operation.name", "chat")
				.setAttribute("gen_ai.provider.name", "anthropic")
				.setAttribute("gen_ai.request.model", "claude-sonnet-4-5")
				.setAttribute("gen_ai.agent.name", "support-bot")
				.setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 1000L)
				.setAttribute(AttributeKey.longKey("gen_ai.usage.output_tokens"), 200L)
				.setAttribute(AttributeKey.doubleKey("temperature"), 0.2)
				.setAttribute(AttributeKey.booleanKey("stream"), false)
				.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
				.startSpan();
			chat.addEvent("first_token");
			chat.end();
			Span tool = tracer.spanBuilder("execute_tool search")
				.setParent(Context.current())
				.addLink(chat.getSpanContext())
				.setAttribute("gen_ai.operation.name", "execute_tool")
				.setAttribute("gen_ai.tool.name", "search")
				.setAttribute("gen_ai.tool.call.id", "call-1")
				.startSpan();
			tool.setStatus(StatusCode.ERROR, "search backend timed out");
			tool.end();
		}
		agent.end();
		provider.close();
		return finished;
	}

	static List<LogRecordData> claudeCodeEvents() {
		List<LogRecordData> emitted = new ArrayList<>();
		SdkLoggerProvider provider = SdkLoggerProvider.builder()
			.setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "claude-code")))
			.addLogRecordProcessor(SimpleLogRecordProcessor.create(new LogRecordExporter() {
				@Override
				public CompletableResultCode export(Collection<LogRecordData> logs) {
					emitted.addAll(logs);
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
			}))
			.build();
		var logger = provider.get("com.anthropic.claude_code.events");
		logger.logRecordBuilder()
			.setBody("claude_code.api_request")
			.setAttribute(AttributeKey.stringKey("event.name"), "api_request")
			.setAttribute(AttributeKey.stringKey("session.id"), "session-7")
			.setAttribute(AttributeKey.stringKey("model"), "claude-sonnet-4-5")
			.setAttribute(AttributeKey.doubleKey("cost_usd"), 0.0123)
			.setAttribute(AttributeKey.longKey("input_tokens"), 1200L)
			.setAttribute(AttributeKey.longKey("output_tokens"), 300L)
			.setAttribute(AttributeKey.longKey("cache_read_tokens"), 5000L)
			.setAttribute(AttributeKey.longKey("duration_ms"), 2100L)
			.emit();
		logger.logRecordBuilder()
			.setBody("claude_code.tool_result")
			.setAttribute(AttributeKey.stringKey("event.name"), "tool_result")
			.setAttribute(AttributeKey.stringKey("session.id"), "session-7")
			.setAttribute(AttributeKey.stringKey("tool_name"), "Edit")
			.setAttribute(AttributeKey.stringKey("success"), "true")
			.setAttribute(AttributeKey.longKey("duration_ms"), 40L)
			.emit();
		provider.close();
		return emitted;
	}

	static Collection<MetricData> claudeCodeMetrics() {
		List<MetricData> collected = new ArrayList<>();
		MetricExporter collecting = new MetricExporter() {
			@Override
			public CompletableResultCode export(Collection<MetricData> metrics) {
				collected.addAll(metrics);
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public AggregationTemporality getAggregationTemporality(InstrumentType type) {
				return AggregationTemporality.DELTA;
			}

			@Override
			public CompletableResultCode flush() {
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode shutdown() {
				return CompletableResultCode.ofSuccess();
			}
		};
		SdkMeterProvider provider = SdkMeterProvider.builder()
			.setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "claude-code")))
			.registerMetricReader(PeriodicMetricReader.builder(collecting).setInterval(Duration.ofHours(1)).build())
			.build();
		var meter = provider.get("com.anthropic.claude_code");
		var tokens = meter.counterBuilder("claude_code.token.usage").setUnit("tokens").build();
		tokens.add(1200, Attributes.of(AttributeKey.stringKey("type"), "input", AttributeKey.stringKey("model"),
				"claude-sonnet-4-5", AttributeKey.stringKey("session.id"), "session-7"));
		tokens.add(300, Attributes.of(AttributeKey.stringKey("type"), "output", AttributeKey.stringKey("model"),
				"claude-sonnet-4-5", AttributeKey.stringKey("session.id"), "session-7"));
		meter.counterBuilder("claude_code.cost.usage")
			.ofDoubles()
			.setUnit("USD")
			.build()
			.add(0.0123, Attributes.of(AttributeKey.stringKey("model"), "claude-sonnet-4-5",
					AttributeKey.stringKey("session.id"), "session-7"));
		provider.close(); // one collection: two token points and one cost point
		return collected;
	}

	private static SpanExporter collecting(List<SpanData> into) {
		return new SpanExporter() {
			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				into.addAll(spans);
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
		};
	}

	private String endpoint(String signal) {
		return "http://127.0.0.1:" + port + "/v1/" + signal;
	}

	SpanExporter spanExporter(String key, boolean json, boolean gzip) throws Exception {
		OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
			.setEndpoint(endpoint("traces"))
			.addHeader("Authorization", "Bearer " + key)
			.setCompression(gzip ? "gzip" : "none");
		if (json) {
			exportAsJson(builder);
		}
		return builder.build();
	}

	LogRecordExporter logExporter(String key, boolean json, boolean gzip) throws Exception {
		OtlpHttpLogRecordExporterBuilder builder = OtlpHttpLogRecordExporter.builder()
			.setEndpoint(endpoint("logs"))
			.addHeader("Authorization", "Bearer " + key)
			.setCompression(gzip ? "gzip" : "none");
		if (json) {
			exportAsJson(builder);
		}
		return builder.build();
	}

	MetricExporter metricExporter(String key, boolean json, boolean gzip) throws Exception {
		OtlpHttpMetricExporterBuilder builder = OtlpHttpMetricExporter.builder()
			.setEndpoint(endpoint("metrics"))
			.addHeader("Authorization", "Bearer " + key)
			.setCompression(gzip ? "gzip" : "none");
		if (json) {
			exportAsJson(builder);
		}
		return builder.build();
	}

	/**
	 * The SDK's http/json encoding: the exporter builders keep it on their internal
	 * delegate (the autoconfigure module's {@code http/json} protocol switches it the
	 * same way).
	 */
	private static void exportAsJson(Object exporterBuilder) throws Exception {
		Field delegate = exporterBuilder.getClass().getDeclaredField("delegate");
		delegate.setAccessible(true);
		Object http = delegate.get(exporterBuilder);
		http.getClass().getMethod("exportAsJson").invoke(http);
	}

}
