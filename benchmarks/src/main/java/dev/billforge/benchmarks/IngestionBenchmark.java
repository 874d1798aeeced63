package dev.billforge.benchmarks;

import static dev.billforge.benchmarks.Results.f;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;

import dev.billforge.metering.Metering;
import dev.billforge.orgs.OrgId;

/**
 * Target 1: usage ingestion through {@code POST /api/v1/usage} (batches of 1,000, one org
 * per client thread) against {@code insertMany} of documents with the same fields,
 * batches of 1,000, the same number of threads, into a scratch collection of the same
 * database. Rounds alternate raw and API so both see the same store size and warmth.
 */
final class IngestionBenchmark {

	static final int BATCH = 1000;

	private static final String SCRATCH = "bench_raw_events";

	private final ApiClient api;

	private final ConfigurableApplicationContext context;

	private final Settings settings;

	IngestionBenchmark(ApiClient api, ConfigurableApplicationContext context, Settings settings) {
		this.api = api;
		this.context = context;
		this.settings = settings;
	}

	void run(Results results) {
		int threads = settings.ingestThreads();
		List<ApiClient.OrgKey> orgs = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			orgs.add(api.createOrg("ingest-" + t));
		}
		MongoCollection<Document> scratch = context.getBean(MongoTemplate.class).getCollection(SCRATCH);
		Instant now = Instant.now();
		// Warm-up: one round of each, not counted.
		httpRound(orgs, "warm", 1, now);
		rawRound(scratch, orgs, "warm", 1, now);

		int batchesPerThread = settings.ingestBatchesPerThreadPerRound();
		Timing http = new Timing(0, 0);
		Timing raw = new Timing(0, 0);
		for (int round = 0; round < settings.ingestRounds(); round++) {
			raw = raw.plus(rawRound(scratch, orgs, "r" + round, batchesPerThread, now));
			http = http.plus(httpRound(orgs, "r" + round, batchesPerThread, now));
		}
		long httpNanos = http.wallNanos();
		long rawNanos = raw.wallNanos();
		long events = (long) settings.ingestRounds() * threads * batchesPerThread * BATCH;
		double httpRate = events / (httpNanos / 1e9);
		double rawRate = events / (rawNanos / 1e9);
		double ratio = httpRate / rawRate;
		String shape = f("%,d events, %d threads, 1 org each", events, threads);
		results.info("1. ingestion: POST /api/v1/usage (" + shape + ")", f("%,.0f events/s", httpRate));
		results.info("1. ingestion: raw insertMany, same docs (" + shape + ")", f("%,.0f events/s", rawRate));
		results.target("1. ingestion: API / raw bulk insert (events/s)", f("%.1f %%", ratio * 100), ">= 50 %",
				ratio >= 0.5);
		// CPU time of this JVM (server, embedded database and clients) is less at the
		// mercy of other load.
		double httpCpu = http.cpuNanos() / 1e6 / (events / (double) BATCH);
		double rawCpu = raw.cpuNanos() / 1e6 / (events / (double) BATCH);
		results.info("1. ingestion: JVM CPU per 1,000 events, API / raw",
				f("%.0f / %.0f ms (raw/API %.1f %%)", httpCpu, rawCpu, rawCpu / httpCpu * 100));

		// Where the time goes: the same ledger path without HTTP and JSON.
		Metering metering = context.getBean(Metering.class);
		List<List<List<dev.billforge.metering.UsageEvent>>> usage = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			List<List<dev.billforge.metering.UsageEvent>> mine = new ArrayList<>();
			for (int b = 0; b < batchesPerThread; b++) {
				mine.add(Events.usageEvents(Events.batch("inproc-" + t + "-", (long) b * BATCH, BATCH, now)));
			}
			usage.add(mine);
		}
		Timing inProcess = Timing.of(t -> {
			OrgId org = new OrgId(orgs.get(t).orgId());
			for (List<dev.billforge.metering.UsageEvent> batch : usage.get(t)) {
				metering.record(org, batch, false);
			}
		}, threads);
		long inProcessEvents = (long) threads * batchesPerThread * BATCH;
		results.info(f("1. ingestion: in-process Metering.record (%,d events, %d threads)", inProcessEvents, threads),
				f("%,.0f events/s, CPU %.0f ms per 1,000", inProcessEvents / (inProcess.wallNanos() / 1e9),
						inProcess.cpuNanos() / 1e6 / (inProcessEvents / (double) BATCH)));
		// Where the time goes: the MongoDB commands behind one batch of 1,000 events, one
		// at a time.
		MongoCommandStats stats = context.getBean(MongoCommandStats.class);
		var before = stats.snapshot();
		httpRound(orgs.subList(0, 1), "diag", 1, now);
		results.note("1 API batch of 1,000 events → " + stats.perOp(before, 1));
		before = stats.snapshot();
		rawRound(scratch, orgs.subList(0, 1), "diag", 1, now);
		results.note("1 raw insertMany of 1,000 documents → " + stats.perOp(before, 1));
		// How big one ledger commit of a 1,000-event batch is: the per-org group commit
		// merges up to 256
		// queued requests into one such document, and MongoDB caps a document at 16 MiB.
		int largest = 0;
		for (RawBsonDocument doc : context.getBean(MongoTemplate.class)
			.getCollection("ledger_commits")
			.withDocumentClass(RawBsonDocument.class)
			.find()) {
			largest = Math.max(largest, doc.getByteBuffer().remaining());
		}
		results.note(f("largest ledger commit document after ingestion: %,d bytes", largest));
		scratch.drop();
	}

	/** Wall time and this JVM's CPU time of a round. */
	record Timing(long wallNanos, long cpuNanos) {

		Timing plus(Timing other) {
			return new Timing(wallNanos + other.wallNanos, cpuNanos + other.cpuNanos);
		}

		static Timing of(Parallel.Task task, int threads) {
			long cpu = Machine.processCpuNanos();
			long wall = Parallel.run(threads, task);
			return new Timing(wall, Machine.processCpuNanos() - cpu);
		}

	}

	private Timing httpRound(List<ApiClient.OrgKey> orgs, String round, int batches, Instant now) {
		int threads = orgs.size();
		// Payloads are built before the clock starts: the client's JSON is not the
		// server's cost.
		List<List<String>> payloads = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			List<String> mine = new ArrayList<>();
			for (int b = 0; b < batches; b++) {
				mine.add(Events.json(Events.batch("http-" + round + "-" + t + "-", (long) b * BATCH, BATCH, now)));
			}
			payloads.add(mine);
		}
		return Timing.of(t -> {
			for (String payload : payloads.get(t)) {
				HttpResponse<String> response = api.send("POST", "/api/v1/usage", orgs.get(t).key(), payload);
				if (response.statusCode() != 200) {
					throw new IllegalStateException(
							"usage batch returned " + response.statusCode() + ": " + response.body());
				}
				int recorded = count(response.body(), "\"status\":\"recorded\"");
				if (recorded != BATCH) {
					throw new IllegalStateException("only " + recorded + " of " + BATCH + " events were recorded");
				}
			}
		}, threads);
	}

	private Timing rawRound(MongoCollection<Document> scratch, List<ApiClient.OrgKey> orgs, String round, int batches,
			Instant now) {
		int threads = orgs.size();
		List<List<List<Document>>> docs = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			List<List<Document>> mine = new ArrayList<>();
			for (int b = 0; b < batches; b++) {
				mine.add(Events.documents(orgs.get(t).orgId(),
						Events.batch("raw-" + round + "-" + t + "-", (long) b * BATCH, BATCH, now)));
			}
			docs.add(mine);
		}
		return Timing.of(t -> {
			for (List<Document> batch : docs.get(t)) {
				scratch.insertMany(batch);
			}
		}, threads);
	}

	static int count(String text, String needle) {
		int count = 0;
		for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
			count++;
		}
		return count;
	}

}
