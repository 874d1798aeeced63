package dev.billforge.benchmarks;

import static dev.billforge.benchmarks.Results.f;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * Targets 2 (HTTP part) and 3 (HTTP part): entitlement check latency and hold+commit
 * throughput over loopback.
 */
final class HttpBenchmarks {

	private static final String CHECK_BODY = "{\"meter\":\"page\",\"quantity\":5}";

	private final ApiClient api;

	private final Settings settings;

	private final MongoCommandStats stats;

	HttpBenchmarks(ApiClient api, Settings settings, MongoCommandStats stats) {
		this.api = api;
		this.settings = settings;
		this.stats = stats;
	}

	/**
	 * One client, one request at a time: the latency a product sees before starting a
	 * job.
	 */
	void checkLatency(Results results) {
		ApiClient.OrgKey org = api.createOrg("check-http");
		// Some history, so the account is not trivially empty.
		api.expect(200, "POST", "/api/v1/usage", org.key(),
				Events.json(Events.batch("check-", 0, 100, java.time.Instant.now())));
		for (int i = 0; i < settings.checkWarmup(); i++) {
			check(org);
		}
		Latencies latencies = new Latencies(settings.checkRequests());
		var before = stats.snapshot();
		long cpu = Machine.processCpuNanos();
		long start = System.nanoTime();
		for (int i = 0; i < settings.checkRequests(); i++) {
			long t0 = System.nanoTime();
			check(org);
			latencies.add(System.nanoTime() - t0);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuPerCall = (Machine.processCpuNanos() - cpu) / 1e6 / latencies.count();
		String commands = stats.perOp(before, latencies.count());
		String shape = f("%,d calls, 1 client", latencies.count());
		results.info("2. check over HTTP p50 (" + shape + ")", f("%.3f ms", latencies.percentileMillis(50)));
		double p99 = latencies.percentileMillis(99);
		results.target("2. check over HTTP p99",
				f("%.3f ms (max %.1f ms, %,.0f calls/s)", p99, latencies.maxMillis(), latencies.count() / seconds),
				"< 10 ms", p99 < 10);
		results.info("2. check over HTTP: JVM CPU per call (server + client)", f("%.3f ms", cpuPerCall));
		results.note("1 HTTP check → " + commands);
	}

	private void check(ApiClient.OrgKey org) {
		HttpResponse<String> response = api.send("POST", "/api/v1/entitlements/check", org.key(), CHECK_BODY);
		if (response.statusCode() != 200 || !response.body().contains("\"allowed\":true")) {
			throw new IllegalStateException("check returned " + response.statusCode() + ": " + response.body());
		}
	}

	/**
	 * Many clients holding and committing on ONE org: the AccountBook's per-org group
	 * commit under load.
	 */
	void holdsOnOneHotOrg(Results results) {
		ApiClient.OrgKey org = api.createOrg("hot-http");
		int clients = settings.holdClients();
		AtomicBoolean measuring = new AtomicBoolean(false);
		AtomicBoolean stop = new AtomicBoolean(false);
		AtomicLong pairs = new AtomicLong();
		Latencies latencies = new Latencies(100_000);
		long[] window = new long[4];
		AtomicLong allPairs = new AtomicLong();
		var before = stats.snapshot();
		Thread timer = new Thread(() -> {
			try {
				Thread.sleep(settings.holdWarmupSeconds() * 1000L);
				window[2] = Machine.processCpuNanos();
				window[0] = System.nanoTime();
				measuring.set(true);
				Thread.sleep(settings.holdSeconds() * 1000L);
				measuring.set(false);
				window[1] = System.nanoTime();
				window[3] = Machine.processCpuNanos();
				stop.set(true);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		timer.start();
		Parallel.run(clients, t -> {
			for (long i = 0; !stop.get(); i++) {
				long t0 = System.nanoTime();
				JsonNode hold = api.expect(201, "POST", "/api/v1/reservations", org.key(),
						"{\"idempotencyKey\":\"job-" + t + "-" + i + "\",\"credits\":5,\"ttlSeconds\":600}");
				JsonNode committed = api.expect(200, "POST",
						"/api/v1/reservations/" + hold.get("id").asString() + "/commit", org.key(), "{\"credits\":3}");
				if (!"committed".equals(committed.get("status").asString())) {
					throw new IllegalStateException("commit answered " + committed);
				}
				long t1 = System.nanoTime();
				allPairs.incrementAndGet();
				// A pair counts when it both started and ended inside the window.
				if (measuring.get() && t0 >= window[0] && window[0] != 0) {
					pairs.incrementAndGet();
					latencies.add(t1 - t0);
				}
			}
		});
		try {
			timer.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		double seconds = (window[1] - window[0]) / 1e9;
		double rate = pairs.get() / seconds;
		results.target(f("3. reserve+commit over HTTP, 1 org, %d clients", clients),
				f("%,.0f pairs/s (pair p50 %.1f ms, p99 %.1f ms)", rate, latencies.percentileMillis(50),
						latencies.percentileMillis(99)),
				">= 1,000/s", rate >= 1000);
		results.info("3. reserve+commit over HTTP: JVM CPU per pair (server + clients)",
				f("%.2f ms", (window[3] - window[2]) / 1e6 / pairs.get()));
		results.note("1 reserve+commit pair over HTTP, 16 clients on 1 org → " + stats.perOp(before, allPairs.get()));
		JsonNode verify = api.expect(200, "GET", "/api/v1/operator/orgs/" + org.orgId() + "/ledger/verify",
				BenchApp.OPERATOR_TOKEN, null);
		if (!verify.get("consistent").asBoolean()) {
			throw new IllegalStateException("the hot org's ledger does not verify after the run: " + verify);
		}
	}

}
