package dev.billforge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.outcomes.Actor;
import dev.billforge.outcomes.OutcomeCandidate;
import dev.billforge.outcomes.OutcomeStatus;
import dev.billforge.outcomes.Outcomes;
import dev.billforge.storage.JobLock;
import dev.billforge.stripe.emulator.EmulatorConfig;
import dev.billforge.stripe.emulator.StripeEmulator;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;
import dev.billforge.valuemetric.Credits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three instances of the product on one database, driven at once as a load balancer would
 * spread the traffic: ledger debits and holds (reserved on one instance, committed or
 * released on the next), usage ingestion and entitlement checks over HTTP with every
 * idempotency key sent to all three, outcome approvals racing the window sweep on all
 * three, a scheduled job's lock taken by all three each round, and a paid Checkout whose
 * webhook the Stripe emulator delivers to all three instances (each registered its own
 * endpoint). Nothing may happen twice: each key and outcome is charged once, each job
 * round runs on one instance, the pack is granted once; and every org's ledger verifies
 * on every instance, whose balances agree.
 */
class ThreeInstancesIT {

	static final StripeEmulator STRIPE = StripeEmulator
		.start(EmulatorConfig.builder().webhookInitialBackoff(Duration.ofMillis(50)).build());

	private static final String[] ARGS = { "--billforge.value-metric.free-tier=0",
			"--billforge.value-metric.meters.page.rate=1", "--billforge.product.tag=doc_router",
			"--billforge.billing.catalog.location=classpath:billing-test-catalog.yml",
			"--billforge.billing.jobs.enabled=false", "--billforge.billing.emulator.enabled=true",
			"--billforge.billing.emulator.url=" + STRIPE.baseUrl(), "--billforge.outcomes.types.quick_fix.fee=7",
			"--billforge.outcomes.types.quick_fix.approver-role=reviewer",
			"--billforge.outcomes.types.quick_fix.dispute-window=0s", "--spring.application.name=three-instances" };

	private static final int HTTP_KEYS = 60;

	private static final int OUTCOMES = 12;

	private static final int JOB_ROUNDS = 20;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterAll
	static void stopStripe() {
		STRIPE.close();
	}

	@Test
	void threeInstancesOnOneDatabaseDoEachThingOnceAndAgree() throws Exception {
		try (TestStorage storage = TestStorage.shared();
				ConfigurableApplicationContext a = storage.run(TestApplication.class, ARGS);
				ConfigurableApplicationContext b = storage.run(TestApplication.class, ARGS);
				ConfigurableApplicationContext c = storage.run(TestApplication.class, ARGS)) {
			List<ConfigurableApplicationContext> instances = List.of(a, b, c);
			Orgs orgs = a.getBean(Orgs.class);
			CreditLedger[] ledgers = instances.stream()
				.map(i -> i.getBean(CreditLedger.class))
				.toArray(CreditLedger[]::new);

			OrgId ledgerOrg = orgs.create("Ledger load", ZoneId.of("Europe/Berlin")).id();
			LedgerConcurrencyIT.Workload workload = new LedgerConcurrencyIT.Workload(1313, 12, 15, instances.size());
			Credits workloadGrant = workload.grantFor70Percent();
			ledgers[0].grant(ledgerOrg,
					new GrantRequest("pack-1", GrantSource.PACK, workloadGrant, null, null, "load", null));

			OrgId apiOrg = orgs.create("API load", ZoneId.of("UTC")).id();
			String apiKey = orgs.createApiKey(apiOrg, "load").key();
			ledgers[1].grant(apiOrg,
					new GrantRequest("pack-1", GrantSource.PACK, Credits.of(1000), null, null, "load", null));

			OrgId outcomeOrg = orgs.create("Outcome client", ZoneId.of("UTC")).id();
			a.getBean(Memberships.class).add(outcomeOrg, "rita@client.test", Role.REVIEWER);
			ledgers[2].grant(outcomeOrg,
					new GrantRequest("pack-1", GrantSource.PACK, Credits.of(1000), null, null, "load", null));
			List<String> outcomeIds = new ArrayList<>();
			for (int i = 0; i < OUTCOMES; i++) {
				outcomeIds.add("fix-" + i);
				instances.get(i % 3)
					.getBean(Outcomes.class)
					.propose(outcomeOrg, new OutcomeCandidate("fix-" + i, "quick_fix", "Fix " + i, null, null),
							new Actor("svc", null));
			}

			OrgId payingOrg = orgs.create("Paying", ZoneId.of("UTC")).id();
			String payingKey = orgs.createApiKey(payingOrg, "buyer").key();
			JsonNode session = call(port(c), payingKey, "POST", "/api/v1/billing/checkout-sessions",
					"{\"lookupKey\":\"test_pack_1000\",\"quantity\":1}");

			Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
			Map<Integer, AtomicInteger> jobRuns = new ConcurrentHashMap<>();
			List<Callable<Object>> work = new ArrayList<>();
			work.add(() -> {
				workload.run(ledgerOrg, ledgers);
				return null;
			});
			for (ConfigurableApplicationContext instance : instances) {
				int port = port(instance);
				work.add(() -> ingest(port, apiKey, statuses));
				work.add(() -> {
					Outcomes outcomes = instance.getBean(Outcomes.class);
					for (String id : outcomeIds) {
						approve(outcomes, outcomeOrg, id);
						outcomes.sweep();
					}
					return null;
				});
				work.add(() -> {
					JobLock lock = instance.getBean(JobLock.class);
					for (int round = 0; round < JOB_ROUNDS; round++) {
						if (lock.tryLock("three-instances-job-" + round, Duration.ofMinutes(5))) {
							jobRuns.computeIfAbsent(round, r -> new AtomicInteger()).incrementAndGet();
						}
					}
					return null;
				});
			}
			work.add(() -> pay(session.get("url").asString()));
			runAtOnce(work);

			assertThat(workload.problems).isEmpty();
			assertThat(statuses.get("recorded")).as("each HTTP usage key charged once").hasValue(HTTP_KEYS);
			assertThat(statuses.get("duplicate")).as("the other two instances' answers").hasValue(2 * HTTP_KEYS);
			assertThat(jobRuns).as("each job round ran on exactly one instance")
				.hasSize(JOB_ROUNDS)
				.allSatisfy((round, runs) -> assertThat(runs).hasValue(1));
			assertThat(STRIPE.awaitWebhookDeliveries(Duration.ofSeconds(60))).isTrue();

			for (ConfigurableApplicationContext instance : instances) {
				Outcomes outcomes = instance.getBean(Outcomes.class);
				outcomes.sweep();
				for (String id : outcomeIds) {
					assertThat(outcomes.find(outcomeOrg, id).orElseThrow().status()).as(id)
						.isEqualTo(OutcomeStatus.BILLED);
				}
			}
			for (CreditLedger ledger : ledgers) {
				workload.assertOutcome(ledgerOrg, ledger, workloadGrant);
				assertThat(ledger.balance(apiOrg).available()).isEqualTo(Credits.of(1000 - HTTP_KEYS));
				assertThat(ledger.balance(outcomeOrg).available()).isEqualTo(Credits.of(1000 - OUTCOMES * 7));
				assertThat(ledger.balance(outcomeOrg).held()).isEqualTo(Credits.ZERO);
				assertThat(ledger.balance(payingOrg).available())
					.as("the pack, granted once though delivered three times")
					.isEqualTo(Credits.of(1000));
				for (OrgId org : List.of(ledgerOrg, apiOrg, outcomeOrg, payingOrg)) {
					LedgerVerification verification = ledger.verify(org);
					assertThat(verification.differences()).as("%s", org).isEmpty();
					assertThat(verification.consistent()).isTrue();
					assertThat(ledger.balance(org)).isEqualTo(ledgers[0].balance(org));
				}
			}
		}
	}

	/**
	 * Every key goes to this instance too (the other two get the same keys): one records,
	 * the others see duplicates.
	 */
	private Object ingest(int port, String key, Map<String, AtomicInteger> statuses) throws Exception {
		for (int batch = 0; batch < HTTP_KEYS / 10; batch++) {
			StringBuilder events = new StringBuilder();
			for (int i = 0; i < 10; i++) {
				events.append(i == 0 ? "" : ",")
					.append("{\"idempotencyKey\":\"http-")
					.append(batch * 10 + i)
					.append("\",\"meter\":\"page\",\"quantity\":1}");
			}
			JsonNode answer = call(port, key, "POST", "/api/v1/usage", "{\"events\":[" + events + "]}");
			answer.get("results")
				.forEach(r -> statuses.computeIfAbsent(r.get("status").asString(), s -> new AtomicInteger())
					.incrementAndGet());
			JsonNode check = call(port, key, "POST", "/api/v1/entitlements/check",
					"{\"meter\":\"page\",\"quantity\":1}");
			assertThat(check.get("allowed").asBoolean()).as(check.toString()).isTrue();
		}
		return null;
	}

	private static void approve(Outcomes outcomes, OrgId org, String id) {
		try {
			outcomes.approve(org, id, new Actor("rita@client.test", "rita@client.test"), null);
		}
		catch (ProblemException ex) {
			// another instance approved it first (or its sweep billed it already)
			assertThat(ex.code()).isEqualTo("invalid_transition");
		}
	}

	/** Pays on the emulator's hosted Checkout page, as a person would. */
	private Object pay(String checkoutUrl) throws Exception {
		URI page = URI.create(checkoutUrl);
		String id = page.getPath().substring(page.getPath().lastIndexOf('/') + 1);
		HttpResponse<String> paid = http.send(HttpRequest.newBuilder(page.resolve("/checkout/" + id + "/pay"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("method=card_success&email=buyer%40paying.test"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(paid.statusCode()).as(paid.body()).isIn(200, 302, 303);
		return null;
	}

	private static void runAtOnce(List<Callable<Object>> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(work.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<Object> task : work) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			for (Future<Object> future : futures) {
				try {
					future.get(5, TimeUnit.MINUTES);
				}
				catch (ExecutionException ex) {
					throw new AssertionError(ex.getCause());
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private JsonNode call(int port, String key, String method, String path, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
		return json.readTree(response.body());
	}

}
