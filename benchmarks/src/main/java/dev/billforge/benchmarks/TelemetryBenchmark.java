package dev.billforge.benchmarks;

import static dev.billforge.benchmarks.Results.f;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.google.protobuf.ByteString;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

import dev.billforge.orgs.OrgId;
import dev.billforge.telemetry.TelemetryQueries;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * Telemetry (issue 11): spans/s through {@code POST /v1/traces} in protobuf batches of
 * 512 spans, gzip on, against {@code insertMany} of the very documents the receiver
 * stored (read back, given new ids) into a scratch collection of the same database with
 * the same indexes, in the same run, alternating rounds; then trace list and trace view
 * latency on one org holding {@code telemetrySpans} stored spans.
 */
final class TelemetryBenchmark {

	static final int BATCH = 512;

	static final int TRACES_PER_BATCH = 8;

	private final ApiClient api;

	private final ConfigurableApplicationContext context;

	private final Settings settings;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String base;

	private final AtomicLong traceSeq = new AtomicLong(1);

	TelemetryBenchmark(ApiClient api, ConfigurableApplicationContext context, Settings settings) {
		this.api = api;
		this.context = context;
		this.settings = settings;
		this.base = "http://127.0.0.1:" + BenchApp.port(context);
	}

	void run(Results results, long storedSpans) throws Exception {
		ingestion(results);
		latency(results, storedSpans);
	}

	// ------------------------------------------------------------------ ingestion

	private void ingestion(Results results) throws Exception {
		int threads = 4;
		int batchesPerThread = settings.quick() ? 2 : 8;
		int rounds = settings.quick() ? 1 : 3;
		List<ApiClient.OrgKey> orgs = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			orgs.add(api.createOrg("telemetry-bench-" + t));
		}
		MongoTemplate mongo = context.getBean(MongoTemplate.class);
		MongoCollection<Document> raw = mongo.getCollection("bench_raw_spans");
		raw.createIndex(Indexes.ascending("org", "traceId", "startNanos"));
		raw.createIndex(Indexes.compoundIndex(Indexes.ascending("org"), Indexes.descending("start")));
		raw.createIndex(Indexes.ascending("receivedAt"), new IndexOptions());

		// warm-up: one API round; its stored documents are the raw side's templates
		apiRound(orgs, batchesPerThread);
		List<Document> templates = mongo.getCollection("telemetry_spans")
			.find(Filters.eq("org", orgs.get(0).orgId()))
			.limit(BATCH)
			.into(new ArrayList<>());
		rawRound(raw, templates, threads, batchesPerThread, "warm");

		long apiSpans = 0;
		long apiNanos = 0;
		long rawSpans = 0;
		long rawNanos = 0;
		long apiCpu = 0;
		long rawCpu = 0;
		for (int round = 0; round < rounds; round++) {
			long cpu = Machine.processCpuNanos();
			long wall = rawRound(raw, templates, threads, batchesPerThread, "r" + round);
			rawCpu += Machine.processCpuNanos() - cpu;
			rawNanos += wall;
			rawSpans += (long) threads * batchesPerThread * BATCH;
			cpu = Machine.processCpuNanos();
			wall = apiRound(orgs, batchesPerThread);
			apiCpu += Machine.processCpuNanos() - cpu;
			apiNanos += wall;
			apiSpans += (long) threads * batchesPerThread * BATCH;
		}
		double apiRate = apiSpans / (apiNanos / 1e9);
		double rawRate = rawSpans / (rawNanos / 1e9);
		String shape = f("%d threads, one org each, protobuf batches of %d spans (%d traces), gzip, %d rounds", threads,
				BATCH, TRACES_PER_BATCH, rounds);
		results.target("T1. telemetry: POST /v1/traces (" + shape + ")", f("%,.0f spans/s", apiRate),
				">= 20,000 spans/s", apiRate >= 20_000);
		results.info("T1. telemetry: raw insertMany of the same span documents", f("%,.0f spans/s", rawRate));
		results.target("T1. telemetry: /v1/traces / raw insert (spans/s)", f("%.1f %%", apiRate / rawRate * 100),
				">= 50 %", apiRate / rawRate >= 0.5);
		results.info("T1. telemetry: JVM CPU per 1,000 spans, API / raw",
				f("%.0f ms / %.0f ms", apiCpu / 1e6 / (apiSpans / 1000.0), rawCpu / 1e6 / (rawSpans / 1000.0)));
	}

	private long apiRound(List<ApiClient.OrgKey> orgs, int batchesPerThread) throws Exception {
		List<List<byte[]>> bodies = new ArrayList<>();
		for (int t = 0; t < orgs.size(); t++) {
			List<byte[]> mine = new ArrayList<>();
			for (int b = 0; b < batchesPerThread; b++) {
				mine.add(gzip(batch(Instant.now()).toByteArray()));
			}
			bodies.add(mine);
		}
		return Parallel.run(orgs.size(), thread -> {
			for (byte[] body : bodies.get(thread)) {
				HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/traces"))
					.timeout(Duration.ofSeconds(120))
					.header("Content-Type", "application/x-protobuf")
					.header("Content-Encoding", "gzip")
					.header("Authorization", "Bearer " + orgs.get(thread).key())
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200 || response.body().length != 0) {
					// a full success is an empty ExportTraceServiceResponse; anything
					// else is not counted as work
					throw new IllegalStateException("/v1/traces answered " + response.statusCode() + " with "
							+ response.body().length + " bytes");
				}
			}
		});
	}

	private long rawRound(MongoCollection<Document> raw, List<Document> templates, int threads, int batchesPerThread,
			String round) {
		List<List<List<Document>>> docs = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			List<List<Document>> mine = new ArrayList<>();
			for (int b = 0; b < batchesPerThread; b++) {
				List<Document> batch = new ArrayList<>(templates.size());
				for (Document template : templates) {
					Document copy = new Document(template);
					copy.put("_id", round + ":" + t + ":" + b + ":" + template.getString("_id"));
					batch.add(copy);
				}
				mine.add(batch);
			}
			docs.add(mine);
		}
		return Parallel.run(threads, thread -> {
			for (List<Document> batch : docs.get(thread)) {
				raw.insertMany(batch, new InsertManyOptions().ordered(false));
			}
		});
	}

	/**
	 * 512 spans in 8 traces of 64: a root agent span, LLM calls (model, tokens) and tool
	 * calls, 1 in 16 failing.
	 */
	private ExportTraceServiceRequest batch(Instant at) {
		long start = at.toEpochMilli() * 1_000_000L;
		ScopeSpans.Builder scope = ScopeSpans.newBuilder();
		int perTrace = BATCH / TRACES_PER_BATCH;
		for (int t = 0; t < TRACES_PER_BATCH; t++) {
			long seq = traceSeq.getAndIncrement();
			ByteString traceId = ByteString
				.copyFrom(ByteBuffer.allocate(16).putLong(0x5eed000000000000L).putLong(seq).array());
			ByteString root = null;
			for (int s = 0; s < perTrace; s++) {
				ByteString spanId = ByteString.copyFrom(ByteBuffer.allocate(8).putLong(seq * 1000 + s + 1).array());
				Span.Builder span = Span.newBuilder()
					.setTraceId(traceId)
					.setSpanId(spanId)
					.setStartTimeUnixNano(start + s * 1_000_000L)
					.setEndTimeUnixNano(start + s * 1_000_000L + 900_000L);
				if (s == 0) {
					root = spanId;
					span.setName("invoke_agent planner")
						.addAttributes(kv("gen_ai.operation.name", "invoke_agent"))
						.addAttributes(kv("gen_ai.agent.name", "planner"))
						.addAttributes(kv("gen_ai.conversation.id", "conv-" + (seq % 100)));
				}
				else if (s % 2 == 1) {
					span.setParentSpanId(root)
						.setName("chat gpt-4o")
						.addAttributes(kv("gen_ai.operation.name", "chat"))
						.addAttributes(kv("gen_ai.request.model", "gpt-4o"))
						.addAttributes(KeyValue.newBuilder()
							.setKey("gen_ai.usage.input_tokens")
							.setValue(AnyValue.newBuilder().setIntValue(1200 + s)))
						.addAttributes(KeyValue.newBuilder()
							.setKey("gen_ai.usage.output_tokens")
							.setValue(AnyValue.newBuilder().setIntValue(300)));
				}
				else {
					span.setParentSpanId(root)
						.setName("execute_tool search")
						.addAttributes(kv("gen_ai.operation.name", "execute_tool"))
						.addAttributes(kv("gen_ai.tool.name", "search"))
						.addAttributes(kv("gen_ai.tool.call.arguments", "{\"q\":\"flights " + s + "\"}"));
					if (s % 16 == 0) {
						span.setStatus(
								Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("timeout"));
					}
				}
				scope.addSpans(span);
			}
		}
		return ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder()
				.setResource(Resource.newBuilder().addAttributes(kv("service.name", "travel-agent")))
				.addScopeSpans(scope))
			.build();
	}

	private static KeyValue kv(String key, String value) {
		return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
	}

	private static byte[] gzip(byte[] body) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(body);
		}
		return out.toByteArray();
	}

	// ------------------------------------------------------------------ latency on N
	// stored spans

	/**
	 * One org gets one API batch (8 traces of 64 spans); its stored span and trace
	 * documents are then copied with new trace ids and earlier times (spread over 30
	 * days) until it holds {@code spans} spans — what ingestion writes, without spending
	 * the run's budget on it. Then the trace list (newest first; by model; by service;
	 * free text) and the trace view are timed in-process through
	 * {@link TelemetryQueries}, and over HTTP through the MCP tools.
	 */
	private void latency(Results results, long spans) throws Exception {
		ApiClient.OrgKey org = api.createOrg("telemetry-latency");
		postBatch(org.key(), batch(Instant.now()));
		MongoTemplate mongo = context.getBean(MongoTemplate.class);
		MongoCollection<Document> spanDocs = mongo.getCollection("telemetry_spans");
		MongoCollection<Document> traceDocs = mongo.getCollection("telemetry_traces");
		List<Document> spanTemplates = spanDocs.find(Filters.eq("org", org.orgId())).into(new ArrayList<>());
		List<Document> traceTemplates = traceDocs.find(Filters.eq("org", org.orgId())).into(new ArrayList<>());
		long copies = Math.max(0, spans / spanTemplates.size() - 1);
		long seedStarted = System.nanoTime();
		long spacingNanos = Duration.ofDays(30).toNanos() / Math.max(1, copies);
		Parallel.run(2, thread -> {
			List<Document> spanBatch = new ArrayList<>(BATCH);
			List<Document> traceBatch = new ArrayList<>(TRACES_PER_BATCH);
			for (long c = thread; c < copies; c += 2) {
				long shift = (c + 1) * spacingNanos;
				String prefix = String.format("%08x", c + 1);
				for (Document template : spanTemplates) {
					spanBatch.add(shifted(template, org.orgId(), prefix, shift, true));
				}
				for (Document template : traceTemplates) {
					traceBatch.add(shifted(template, org.orgId(), prefix, shift, false));
				}
				if (spanBatch.size() >= 4 * BATCH) {
					spanDocs.insertMany(spanBatch, new InsertManyOptions().ordered(false));
					traceDocs.insertMany(traceBatch, new InsertManyOptions().ordered(false));
					spanBatch.clear();
					traceBatch.clear();
				}
			}
			if (!spanBatch.isEmpty()) {
				spanDocs.insertMany(spanBatch, new InsertManyOptions().ordered(false));
				traceDocs.insertMany(traceBatch, new InsertManyOptions().ordered(false));
			}
		});
		// Counted from the trace summaries: a count over 1M span documents makes the
		// embedded store
		// materialise all of them (it ran out of heap doing so).
		long stored = 0;
		long traces = 0;
		for (Document trace : traceDocs.find(Filters.eq("org", org.orgId())).projection(Projections.include("spans"))) {
			stored += trace.get("spans", Number.class).longValue();
			traces++;
		}
		results.note(f("telemetry latency: %,d spans in %,d traces stored for one org (seeded in %.0f s)", stored,
				traces, (System.nanoTime() - seedStarted) / 1e9));

		TelemetryQueries queries = context.getBean(TelemetryQueries.class);
		OrgId orgId = new OrgId(org.orgId());
		int warmup = settings.quick() ? 5 : 30;
		int calls = settings.quick() ? 20 : 200;
		String someTrace = traceTemplates.get(0).getString("traceId");
		TelemetryQueries.TraceFilter none = new TelemetryQueries.TraceFilter(null, null, null, null, null, null, null,
				null, null);
		TelemetryQueries.TraceFilter byModel = new TelemetryQueries.TraceFilter(null, null, "gpt-4o", "error", null,
				null, null, null, null);
		TelemetryQueries.TraceFilter byText = new TelemetryQueries.TraceFilter("travel-agent", null, null, null, null,
				null, null, null, "flights 17");
		time(results, f("T2. trace list, newest 50 (in-process, %,d spans)", stored), warmup, calls,
				() -> queries.traces(orgId, none, 0, 50));
		time(results, f("T2. trace list, model + errors filter (in-process, %,d spans)", stored), warmup, calls,
				() -> queries.traces(orgId, byModel, 0, 50));
		time(results, f("T2. trace list, service + free text (in-process, %,d spans)", stored), warmup, calls,
				() -> queries.traces(orgId, byText, 0, 50));
		time(results, f("T2. trace view, 64 spans (in-process, %,d spans)", stored), warmup, calls,
				() -> queries.trace(orgId, someTrace).orElseThrow());
		time(results, f("T2. trace list over HTTP: MCP search_traces (%,d spans)", stored), warmup, calls,
				() -> mcp(org.key(), "search_traces", "{\"pageSize\":50}"));
		time(results, f("T2. trace view over HTTP: MCP get_trace (%,d spans)", stored), warmup, calls,
				() -> mcp(org.key(), "get_trace", "{\"traceId\":\"" + someTrace + "\"}"));
	}

	private static Document shifted(Document template, String org, String prefix, long shiftNanos, boolean span) {
		Document copy = new Document(template);
		String traceId = prefix + template.getString("traceId").substring(8);
		copy.put("traceId", traceId);
		copy.put("_id", org + ":" + traceId + (span ? template.getString("spanId") : ""));
		long start = template.get("startNanos", Number.class).longValue() - shiftNanos;
		copy.put("startNanos", start);
		copy.put("start", new Date(start / 1_000_000));
		if (span) {
			copy.put("endNanos", template.get("endNanos", Number.class).longValue() - shiftNanos);
		}
		return copy;
	}

	private interface Call {

		Object call() throws Exception;

	}

	private static void time(Results results, String name, int warmup, int calls, Call call) throws Exception {
		for (int i = 0; i < warmup; i++) {
			call.call();
		}
		Latencies latencies = new Latencies(calls);
		for (int i = 0; i < calls; i++) {
			long started = System.nanoTime();
			call.call();
			latencies.add(System.nanoTime() - started);
		}
		double p99 = latencies.percentileMillis(99);
		results.target(name, f("p50 %.1f ms, p99 %.1f ms (%d calls)", latencies.percentileMillis(50), p99, calls),
				"p99 < 100 ms", p99 < 100);
	}

	private String mcp(String key, String tool, String arguments) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/mcp"))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.header("Authorization", "Bearer " + key)
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + "{\"name\":\"" + tool
						+ "\",\"arguments\":" + arguments + "}}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || response.body().contains("\"isError\":true")) {
			throw new IllegalStateException(
					"MCP " + tool + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private void postBatch(String key, ExportTraceServiceRequest batch) throws Exception {
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/traces"))
			.header("Content-Type", "application/x-protobuf")
			.header("Content-Encoding", "gzip")
			.header("Authorization", "Bearer " + key)
			.POST(HttpRequest.BodyPublishers.ofByteArray(gzip(batch.toByteArray())))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("/v1/traces answered " + response.statusCode() + " to "
					+ batch.getSerializedSize() + " bytes of protobuf");
		}
	}

}
