package dev.billforge.benchmarks;

import static dev.billforge.benchmarks.Results.f;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 3 §6: Stripe webhook events processed per second, with signature verification, on
 * the embedded store. Real objects are made in the in-process Stripe emulator first (orgs
 * buy packs and subscribe through the app's own Checkout API and the emulator's
 * completion helper) while the emulator's own delivery to the app is switched off; then
 * the emulator's snapshot events ({@code invoice.paid} of each subscription's first
 * invoice, {@code checkout.session.completed} of each pack) are posted to
 * {@code /stripe/webhook}, each signed at send time with the endpoint secret exactly as
 * Stripe signs ({@code t=<unix>,v1=HMAC-SHA256(secret, t + "." + body)}), from a few
 * client threads. Every answer must be 2xx and afterwards every org must hold exactly its
 * packs and one plan allowance.
 */
final class WebhookBenchmark {

	/**
	 * The signing secret the benchmark app trusts
	 * ({@code billforge.billing.webhook-secrets}).
	 */
	static final String SECRET = "whsec_billforge_bench_0123456789abcdef";

	/**
	 * The key the embedded emulator accepts (platform-core's
	 * {@code StripeConfiguration}).
	 */
	private static final String EMULATOR_KEY = "sk_test_billforge_emulator";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final BigDecimal PACK_CREDITS = new BigDecimal("1000");

	private static final BigDecimal PLAN_CREDITS = new BigDecimal("15000");

	private final ApiClient api;

	private final Settings settings;

	private final MongoCommandStats stats;

	private final String emulator;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String webhookUrl;

	WebhookBenchmark(ApiClient api, Settings settings, MongoCommandStats stats, int appPort, int emulatorPort) {
		this.api = api;
		this.settings = settings;
		this.stats = stats;
		this.emulator = "http://127.0.0.1:" + emulatorPort;
		this.webhookUrl = "http://127.0.0.1:" + appPort + "/stripe/webhook";
	}

	void run(Results results) {
		disableEmulatorDelivery();
		int orgCount = settings.webhookOrgs();
		int packs = settings.webhookPacksPerOrg();
		Map<String, ApiClient.OrgKey> orgs = new LinkedHashMap<>();
		long setupStart = System.nanoTime();
		for (int i = 0; i < orgCount; i++) {
			ApiClient.OrgKey org = api.createOrg("webhook-" + i);
			orgs.put(org.orgId(), org);
			for (int p = 0; p < packs; p++) {
				complete(checkout(org, "{\"lookupKey\":\"bench_pack_1000\",\"quantity\":1}"));
			}
			complete(checkout(org, "{\"lookupKey\":\"bench_team_monthly\"}"));
		}
		Map<String, BigDecimal> before = new LinkedHashMap<>();
		orgs.values().forEach(org -> before.put(org.orgId(), available(org)));
		List<String> events = new ArrayList<>();
		events.addAll(eventsOf("checkout.session.completed",
				e -> "payment".equals(e.path("data").path("object").path("mode").asString(""))));
		events.addAll(eventsOf("invoice.paid",
				e -> "subscription_create".equals(e.path("data").path("object").path("billing_reason").asString(""))));
		int expected = orgCount * (packs + 1);
		if (events.size() != expected) {
			throw new IllegalStateException("expected " + expected + " events from the setup, found " + events.size());
		}
		// Interleave the two kinds and the orgs, as a live stream would be.
		java.util.Collections.shuffle(events, new java.util.Random(42));
		System.out.printf("  setup: %d orgs, %d events in %.0f s%n", orgCount, events.size(),
				(System.nanoTime() - setupStart) / 1e9);

		int warmup = Math.min(events.size() / 5, settings.webhookWarmup());
		deliverAll(events.subList(0, warmup), new Latencies(warmup));
		List<String> measured = events.subList(warmup, events.size());
		Latencies latencies = new Latencies(measured.size());
		var commandsBefore = stats.snapshot();
		long cpu = Machine.processCpuNanos();
		long elapsed = deliverAll(measured, latencies);
		double cpuPerEvent = (Machine.processCpuNanos() - cpu) / 1e6 / measured.size();
		String commands = stats.perOp(commandsBefore, measured.size());
		int threads = settings.webhookThreads();
		double rate = measured.size() / (elapsed / 1e9);
		String shape = f("%,d events, %d client threads, signature verified", measured.size(), threads);
		results.info("webhooks: first deliveries processed (" + shape + ")", f("%,.1f events/s", rate));
		results.info("webhooks: first delivery latency p50 / p99", f("%.1f / %.1f ms (max %.1f ms)",
				latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.maxMillis()));
		results.info("webhooks: JVM CPU per event (app + emulator + clients)", f("%.2f ms", cpuPerEvent));
		results.note("1 first webhook delivery → " + commands);

		// Stripe delivers at least once: every event again, which must be acknowledged
		// without effect.
		Latencies duplicates = new Latencies(events.size());
		long dupElapsed = deliverAll(events, duplicates);
		results.info(f("webhooks: duplicate deliveries (%,d events, %d client threads)", events.size(), threads),
				f("%,.1f events/s (p50 %.1f ms, p99 %.1f ms)", events.size() / (dupElapsed / 1e9),
						duplicates.percentileMillis(50), duplicates.percentileMillis(99)));

		verifyEffects(orgs, before, packs);
		results.note(f(
				"webhooks: %d orgs each hold exactly %d pack grant(s) and 1 plan allowance afterwards "
						+ "(available = before + %s × 1,000 + 15,000); every one of %,d deliveries answered 2xx",
				orgCount, packs, packs, events.size() * 2));
	}

	/**
	 * Posts the events from {@code webhookThreads} clients; returns the wall time. Any
	 * non-2xx fails the run.
	 */
	private long deliverAll(List<String> events, Latencies latencies) {
		AtomicInteger next = new AtomicInteger();
		return Parallel.run(settings.webhookThreads(), t -> {
			for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
				String payload = events.get(i);
				HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
					.timeout(Duration.ofSeconds(120))
					.header("Content-Type", "application/json; charset=utf-8")
					.header("Stripe-Signature", sign(payload, Instant.now().getEpochSecond()))
					.POST(HttpRequest.BodyPublishers.ofString(payload))
					.build();
				long t0 = System.nanoTime();
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				latencies.add(System.nanoTime() - t0);
				if (response.statusCode() / 100 != 2) {
					throw new IllegalStateException(
							"webhook answered " + response.statusCode() + ": " + response.body());
				}
			}
		});
	}

	private void verifyEffects(Map<String, ApiClient.OrgKey> orgs, Map<String, BigDecimal> before, int packs) {
		BigDecimal gained = PACK_CREDITS.multiply(BigDecimal.valueOf(packs)).add(PLAN_CREDITS);
		for (ApiClient.OrgKey org : orgs.values()) {
			JsonNode balance = api.expect(200, "GET", "/api/v1/balance", org.key(), null);
			int packGrants = 0;
			int allowances = 0;
			for (JsonNode grant : balance.get("grants")) {
				String source = grant.get("source").asString();
				packGrants += "pack".equals(source) ? 1 : 0;
				allowances += "plan_allowance".equals(source) ? 1 : 0;
			}
			BigDecimal available = new BigDecimal(balance.get("available").asString());
			if (packGrants != packs || allowances != 1
					|| available.compareTo(before.get(org.orgId()).add(gained)) != 0) {
				throw new IllegalStateException("org " + org.orgId() + " has " + packGrants + " pack grants, "
						+ allowances + " allowances and " + available + " available after the webhooks; expected "
						+ packs + ", 1 and " + before.get(org.orgId()).add(gained));
			}
		}
	}

	private BigDecimal available(ApiClient.OrgKey org) {
		return new BigDecimal(api.expect(200, "GET", "/api/v1/balance", org.key(), null).get("available").asString());
	}

	private String checkout(ApiClient.OrgKey org, String body) {
		return api.expect(201, "POST", "/api/v1/billing/checkout-sessions", org.key(), body).get("id").asString();
	}

	private void complete(String sessionId) {
		emulatorCall("POST", "/v1/test_helpers/checkout/sessions/" + sessionId + "/complete", "outcome=card_success");
	}

	/**
	 * The app registered its webhook endpoint with the emulator at startup; pausing it
	 * leaves the events to this benchmark (events made while an endpoint is disabled are
	 * not delivered to it later).
	 */
	private void disableEmulatorDelivery() {
		for (JsonNode endpoint : emulatorCall("GET", "/v1/webhook_endpoints?limit=100", null).get("data")) {
			emulatorCall("POST", "/v1/webhook_endpoints/" + endpoint.get("id").asString(), "disabled=true");
		}
	}

	/** Raw JSON of the emulator's events of one type (all pages), oldest first. */
	private List<String> eventsOf(String type, java.util.function.Predicate<JsonNode> keep) {
		List<String> out = new ArrayList<>();
		String after = null;
		while (true) {
			JsonNode page = emulatorCall("GET",
					"/v1/events?limit=100&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8)
							+ (after == null ? "" : "&starting_after=" + after),
					null);
			for (JsonNode event : page.get("data")) {
				if (keep.test(event)) {
					out.add(JSON.writeValueAsString(event));
				}
			}
			if (!page.get("has_more").asBoolean() || page.get("data").isEmpty()) {
				break;
			}
			after = page.get("data").get(page.get("data").size() - 1).get("id").asString();
		}
		java.util.Collections.reverse(out);
		return out;
	}

	private JsonNode emulatorCall(String method, String path, String form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + EMULATOR_KEY)
			.method(method,
					form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("emulator " + method + " " + path + " answered " + response.statusCode()
						+ ": " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("emulator " + method + " " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** A {@code Stripe-Signature} header computed as Stripe does. */
	static String sign(String payload, long timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
