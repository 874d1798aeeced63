package dev.billforge.benchmarks;

import static dev.billforge.benchmarks.Results.f;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ConfigurableApplicationContext;

import dev.billforge.ledger.UsageOutcome;
import dev.billforge.metering.Metering;
import dev.billforge.metering.UsageEvent;
import dev.billforge.orgs.OrgId;
import tools.jackson.databind.JsonNode;

/**
 * Target 4: the usage summary of one org over 30 days. Seeds the events through {@link Metering}
 * (the ledger path the API uses, minus HTTP) in batches of 1,000, spread evenly over the 30 days,
 * which doubles as an ingestion soak; then times {@code GET /api/v1/usage/summary} over loopback.
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
		ApiClient.OrgKey org = api.createOrg("summary");
		Metering metering = context.getBean(Metering.class);
		long total = settings.summaryEvents();
		int batch = IngestionBenchmark.BATCH;
		long batches = (total + batch - 1) / batch;
		Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant from = to.minus(Duration.ofDays(30));
		// Spread evenly over the 30 days; the first event a minute after `from`, so none is too old.
		long spacingNanos = Duration.between(from.plusSeconds(60), to.minusSeconds(60)).toNanos() / total;
		Instant first = from.plusSeconds(60);
		AtomicLong nextBatch = new AtomicLong();
		AtomicReference<BigDecimal> charged = new AtomicReference<>(BigDecimal.ZERO);
		AtomicLong recorded = new AtomicLong();
		int threads = settings.summarySeedThreads();
		long progressEvery = Math.max(1, batches / 10);
		long seedStart = System.nanoTime();
		long seedNanos = Parallel.run(threads, t -> {
			BigDecimal mine = BigDecimal.ZERO;
			for (long b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
				long start = b * batch;
				int count = (int) Math.min(batch, total - start);
				List<Events.Event> events = new java.util.ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					long n = start + i;
					events.add(Events.event("sum-", n, first.plusNanos(n * spacingNanos)));
				}
				List<UsageEvent> usage = Events.usageEvents(events);
				for (UsageOutcome outcome : metering.record(new OrgId(org.orgId()), usage, false)) {
					if (outcome.status() != UsageOutcome.Status.RECORDED) {
						throw new IllegalStateException("seed event " + outcome.idempotencyKey() + " was " + outcome.status());
					}
					mine = mine.add(outcome.credits().amount());
					recorded.incrementAndGet();
				}
				if ((b + 1) % progressEvery == 0) {
					double elapsed = (System.nanoTime() - seedStart) / 1e9;
					System.out.printf("    seeded %,d batches of %,d in %.0f s%n", b + 1, batches, elapsed);
				}
			}
			BigDecimal add = mine;
			charged.accumulateAndGet(add, BigDecimal::add);
		});
		double seedSeconds = seedNanos / 1e9;
		results.info(f("4. seed (soak): %,d events, 1 org, 30 days, Metering.record x%d threads", recorded.get(), threads),
				f("%,.0f events/s (%.0f s)", recorded.get() / seedSeconds, seedSeconds));

		String query = "/api/v1/usage/summary?from=" + encode(from) + "&to=" + encode(to);
		JsonNode day = api.expect(200, "GET", query + "&granularity=day&groupBy=meter", org.key(), null);
		BigDecimal shown = new BigDecimal(day.get("total").asString());
		if (shown.compareTo(charged.get()) != 0) {
			throw new IllegalStateException("summary total " + shown + " differs from the credits charged " + charged.get());
		}
		Latencies byDay = time(query + "&granularity=day&groupBy=meter", org.key());
		double p99 = byDay.percentileMillis(99);
		results.info(f("4. summary 30 days by day/meter p50 (%,d calls)", byDay.count()),
				f("%.2f ms (%d buckets)", byDay.percentileMillis(50), day.get("buckets").size()));
		results.target("4. summary 30 days by day/meter p99", f("%.2f ms (max %.1f ms)", p99, byDay.maxMillis()), "< 100 ms",
				p99 < 100);
		Latencies byHour = time(query + "&granularity=hour&groupBy=operation", org.key());
		results.info("4. summary 30 days by hour/operation p50 / p99",
				f("%.2f / %.2f ms", byHour.percentileMillis(50), byHour.percentileMillis(99)));
		results.note(f("summary check: total %s SPU over %,d events equals the credits the ledger charged", shown,
				recorded.get()));
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
