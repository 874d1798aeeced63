package dev.billforge.benchmarks;

import static dev.billforge.benchmarks.Results.f;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.RawBsonDocument;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.metering.Metering;
import dev.billforge.orgs.OrgId;
import tools.jackson.databind.JsonNode;

/**
 * Target 4: the usage summary of one org over 30 days of events, then
 * {@code GET /api/v1/usage/summary} timed over loopback.
 * <p>
 * Seeding, in batches of 1,000 events spread evenly over the 30 days: every k-th batch
 * goes through {@link Metering#record} (the full ledger path the API uses, minus HTTP;
 * this part is an ingestion soak), the other batches are handed to the production rollup
 * maintainer(s) — every {@link LedgerCommitListener} bean, i.e. metering's
 * {@code UsageRollups} — as the ledger commits the ledger path would have produced (same
 * rating through {@link Metering#rate}, same op keys, increasing sequence numbers). The
 * summary reads only those rollup buckets, whose number and size depend on days, meters,
 * hours and property values, not on how many events were counted into them. With
 * {@code --summary-ledger-events} equal to {@code --summary-events} every event takes the
 * ledger path.
 */
final class SummaryBenchmark {

	private final ApiClient api;

	private final ConfigurableApplicationContext context;

	private final Settings settings;

	SummaryBenchmark(ApiClient api, ConfigurableApplicationContext context, Settings settings) {
		this.api = api;
		this.context = context;
		this.settings = settings;
	}

	void run(Results results) {
		ApiClient.OrgKey orgKey = api.createOrg("summary");
		OrgId org = new OrgId(orgKey.orgId());
		Metering metering = context.getBean(Metering.class);
		long total = settings.summaryEvents();
		int batch = IngestionBenchmark.BATCH;
		long batches = (total + batch - 1) / batch;
		long ledgerBatches = Math.min(batches, Math.max(1, (settings.summaryLedgerEvents() + batch - 1) / batch));
		Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant from = to.minus(Duration.ofDays(30));
		// Evenly over the 30 days, the first event a minute after `from`, so none is
		// older than allowed.
		Instant first = from.plusSeconds(60);
		long spacingNanos = Duration.between(first, to.minusSeconds(60)).toNanos() / total;

		// 1. The ledger share: batches spread over the whole range (every k-th batch),
		// two client threads.
		List<Long> viaLedger = new ArrayList<>();
		List<Long> viaRollups = new ArrayList<>();
		for (long b = 0; b < batches; b++) {
			boolean ledgerTurn = b * ledgerBatches / batches != (b + 1) * ledgerBatches / batches;
			(ledgerTurn ? viaLedger : viaRollups).add(b);
		}
		AtomicLong next = new AtomicLong();
		AtomicReference<BigDecimal> charged = new AtomicReference<>(BigDecimal.ZERO);
		AtomicLong recorded = new AtomicLong();
		long progressEvery = Math.max(1, viaLedger.size() / 10);
		long seedStart = System.nanoTime();
		long seedNanos = Parallel.run(settings.summarySeedThreads(), t -> {
			BigDecimal mine = BigDecimal.ZERO;
			for (long i = next.getAndIncrement(); i < viaLedger.size(); i = next.getAndIncrement()) {
				List<Events.Event> events = events(viaLedger.get((int) i), batch, total, first, spacingNanos);
				for (UsageOutcome outcome : metering.record(org, Events.usageEvents(events), false)) {
					if (outcome.status() != UsageOutcome.Status.RECORDED) {
						throw new IllegalStateException(
								"seed event " + outcome.idempotencyKey() + " was " + outcome.status());
					}
					mine = mine.add(outcome.credits().amount());
					recorded.incrementAndGet();
				}
				if ((i + 1) % progressEvery == 0) {
					System.out.printf("    ledger path: %,d of %,d batches in %.0f s%n", i + 1, viaLedger.size(),
							(System.nanoTime() - seedStart) / 1e9);
				}
			}
			BigDecimal add = mine;
			charged.accumulateAndGet(add, BigDecimal::add);
		});
		double seedSeconds = seedNanos / 1e9;
		results.info(f("4. seed via ledger (Metering.record, %d threads): %,d events", settings.summarySeedThreads(),
				recorded.get()), f("%,.0f events/s (%.0f s)", recorded.get() / seedSeconds, seedSeconds));

		// 2. The rest as ledger commits handed to the rollup maintainers, in sequence
		// order.
		List<LedgerCommitListener> listeners = context.getBeanProvider(LedgerCommitListener.class)
			.orderedStream()
			.toList();
		long seq = context.getBean(CreditLedger.class).balance(org).ledgerSeq();
		long fed = 0;
		BigDecimal fedCredits = BigDecimal.ZERO;
		long feedStart = System.nanoTime();
		for (long b : viaRollups) {
			List<LedgerCommitted.Charged> charges = new ArrayList<>(batch);
			for (Events.Event e : events(b, batch, total, first, spacingNanos)) {
				BigDecimal quantity = BigDecimal.valueOf(e.quantity());
				var credits = metering.rate(e.meter(), quantity);
				charges.add(new LedgerCommitted.Charged("usage:" + e.key(), e.meter(), quantity, credits,
						e.occurredAt(), Map.of("operation", e.operation())));
				fedCredits = fedCredits.add(credits.amount());
			}
			LedgerCommitted commit = new LedgerCommitted(org, ++seq, charges, List.of(), List.of());
			listeners.forEach(listener -> listener.onCommit(commit));
			fed += charges.size();
		}
		if (fed > 0) {
			results.info(f("4. seed via rollup maintainer (%d listener): %,d events", listeners.size(), fed),
					f("%.0f s", (System.nanoTime() - feedStart) / 1e9));
		}
		BigDecimal expected = charged.get().add(fedCredits);

		String query = "/api/v1/usage/summary?from=" + encode(from) + "&to=" + encode(to);
		JsonNode day = api.expect(200, "GET", query + "&granularity=day&groupBy=meter", orgKey.key(), null);
		BigDecimal shown = new BigDecimal(day.get("total").asString());
		if (shown.compareTo(expected) != 0) {
			throw new IllegalStateException("summary total " + shown + " differs from the credits seeded " + expected);
		}
		MongoCommandStats stats = context.getBean(MongoCommandStats.class);
		var before = stats.snapshot();
		long cpu = Machine.processCpuNanos();
		Latencies byDay = time(query + "&granularity=day&groupBy=meter", orgKey.key());
		double cpuPerCall = (Machine.processCpuNanos() - cpu) / 1e6 / (settings.summaryWarmup() + byDay.count());
		String commands = stats.perOp(before, settings.summaryWarmup() + byDay.count());
		double p99 = byDay.percentileMillis(99);
		String events = f("%,d events", recorded.get() + fed);
		results.info(f("4. summary, 30 days, %s, by day/meter: p50 (%,d calls)", events, byDay.count()),
				f("%.2f ms (%d buckets)", byDay.percentileMillis(50), day.get("buckets").size()));
		results.target("4. summary, 30 days, by day/meter: p99", f("%.2f ms (max %.1f ms)", p99, byDay.maxMillis()),
				"< 100 ms", p99 < 100);
		results.info("4. summary by day/meter: JVM CPU per call (server + client)", f("%.2f ms", cpuPerCall));
		results.note("1 summary call → " + commands);
		long docs = 0;
		long bytes = 0;
		for (RawBsonDocument doc : context.getBean(MongoTemplate.class)
			.getCollection("usage_rollups")
			.withDocumentClass(RawBsonDocument.class)
			.find(Filters.eq("orgId", org.value()))) {
			docs++;
			bytes += doc.getByteBuffer().remaining();
		}
		results.note(f("the summary org has %,d rollup documents, %,d bytes in all (%,d bytes each on average); "
				+ "a 30-day summary reads all of them", docs, bytes, docs == 0 ? 0 : bytes / docs));
		Latencies byHour = time(query + "&granularity=hour&groupBy=operation", orgKey.key());
		results.info("4. summary, 30 days, by hour/operation: p50 / p99",
				f("%.2f / %.2f ms", byHour.percentileMillis(50), byHour.percentileMillis(99)));
		results.note(f("summary: %s seeded (%,d via the ledger path, %,d via the rollup maintainer); the summary's "
				+ "total, %s SPU, equals the credits they were rated at", events, recorded.get(), fed, shown));
	}

	/**
	 * Batch {@code b}: events numbered b*size.., each at its even share of the 30 days.
	 */
	private static List<Events.Event> events(long b, int size, long total, Instant first, long spacingNanos) {
		long start = b * size;
		int count = (int) Math.min(size, total - start);
		List<Events.Event> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long n = start + i;
			events.add(Events.event("sum-", n, first.plusNanos(n * spacingNanos)));
		}
		return events;
	}

	private Latencies time(String path, String key) {
		for (int i = 0; i < settings.summaryWarmup(); i++) {
			api.expect(200, "GET", path, key, null);
		}
		Latencies latencies = new Latencies(settings.summaryCalls());
		for (int i = 0; i < settings.summaryCalls(); i++) {
			long t0 = System.nanoTime();
			int status = api.send("GET", path, key, null).statusCode();
			latencies.add(System.nanoTime() - t0);
			if (status != 200) {
				throw new IllegalStateException("summary returned " + status);
			}
		}
		return latencies;
	}

	private static String encode(Instant instant) {
		return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
	}

}
