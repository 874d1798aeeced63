package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.stripe.StripeClient;
import com.stripe.model.Subscription;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.WebhookEndpointUpdateParams;

import dev.billforge.billing.SubscriptionView;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.stripe.emulator.Fault;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook chaos: a recorded billing history (pack bought and partly refunded, plan bought, upgraded)
 * is delivered in at least 200 random schedules — every event one to three times, shuffled, with random
 * transient Stripe failures that make a delivery fail and come back later, as Stripe retries — and the
 * ledger and subscription end exactly as after one clean, ordered delivery. Also: concurrent duplicate
 * deliveries over HTTP. Each schedule replays onto a fresh org (the customer is re-pointed to it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"billforge.product.tag=doc_router", "billforge.value-metric.credit-name=SPU", "billforge.value-metric.free-tier=100",
		"billforge.value-metric.meters.page.rate=1", "billforge.billing.catalog.location=classpath:billing-test-catalog.yml",
		"billforge.billing.jobs.enabled=false", "logging.level.dev.billforge.billing=ERROR" })
class WebhookChaosIT {

	static final int SCHEDULES = Integer.getInteger("billing.chaos.schedules", 200);

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	StripeClient stripe;

	@Autowired
	StripeBackend backend;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	BillingFlows flows;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	SubscriptionSync subscriptions;

	@Autowired
	WebhookProcessor processor;

	@Autowired
	WebhookSecrets secrets;

	@Autowired
	MongoTemplate mongo;

	private String customer;

	private String subscriptionId;

	private String paymentIntent;

	private final List<JsonNode> history = new ArrayList<>();

	private String cleanState;

	@BeforeAll
	void recordHistory() throws Exception {
		// Record without delivering: pause this app's endpoint while the history is made.
		for (WebhookEndpoint endpoint : stripe.v1().webhookEndpoints().list().getData()) {
			stripe.v1().webhookEndpoints().update(endpoint.getId(), WebhookEndpointUpdateParams.builder().setDisabled(true).build());
		}
		Set<String> before = new HashSet<>();
		StripeEvents.all(backend, json).forEach(e -> before.add(e.get("id").asString()));
		Org org = orgs.create("Recorder", ZoneId.of("UTC"));
		String pack = flows.checkout(org.id(), "test_pack_1000", 1).id();
		complete(pack);
		String plan = flows.checkout(org.id(), "test_individual_monthly", 1).id();
		complete(plan);
		customer = customers.customerOf(org.id()).orElseThrow();
		paymentIntent = stripe.v1().checkout().sessions().retrieve(pack).getPaymentIntent();
		stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).setAmount(250L).build());
		subscriptionId = stripe.v1().checkout().sessions().retrieve(plan).getSubscription();
		Subscription sub = stripe.v1().subscriptions().retrieve(subscriptionId);
		String team = stripe.v1().prices().list(com.stripe.param.PriceListParams.builder().addLookupKey("test_team_monthly")
			.build()).getData().get(0).getId();
		stripe.v1().subscriptions().update(subscriptionId, SubscriptionUpdateParams.builder()
			.addItem(SubscriptionUpdateParams.Item.builder().setId(sub.getItems().getData().get(0).getId()).setPrice(team).build())
			.setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
			.build());
		for (JsonNode event : StripeEvents.all(backend, json)) {
			if (!before.contains(event.get("id").asString())) {
				history.add(event);
			}
		}
		assertThat(history).extracting(e -> e.get("type").asString())
			.contains("checkout.session.completed", "invoice.paid", "charge.refunded", "customer.subscription.updated");

		OrgId clean = freshOrg();
		for (JsonNode event : history) {
			assertThat(deliver(event)).isNotEqualTo(WebhookProcessor.Result.FAILED);
		}
		cleanState = state(clean);
		// 100 free + (1,000 pack - 250 refunded) + 2,000 individual + 13,000 upgrade difference
		assertThat(ledger.balance(clean).available().toString()).as(cleanState + " " + history.stream().map(e -> e.get("type").asString()).toList()).isEqualTo("15850");
		assertThat(cleanState).contains("team").contains("active");
	}

	@Test
	void chaoticDeliveryEndsLikeCleanDelivery() throws Exception {
		for (int schedule = 0; schedule < SCHEDULES; schedule++) {
			long seed = 1000L + schedule;
			Random random = new Random(seed);
			OrgId org = freshOrg();
			LinkedList<JsonNode> queue = new LinkedList<>();
			for (JsonNode event : history) {
				int copies = 1 + random.nextInt(3);
				for (int c = 0; c < copies; c++) {
					queue.add(event);
				}
			}
			java.util.Collections.shuffle(queue, random);
			int deliveries = 0;
			while (!queue.isEmpty()) {
				JsonNode event = queue.removeFirst();
				if (random.nextDouble() < 0.2) {
					backend.emulator().injectFault(new Fault("GET", "/v1/", Fault.Kind.RATE_LIMIT, 1, null));
				}
				WebhookProcessor.Result result = deliver(event);
				backend.emulator().clearFaults();
				if (result == WebhookProcessor.Result.FAILED) {
					queue.add(random.nextInt(queue.size() + 1), event); // Stripe retries later
				}
				assertThat(++deliveries).as("seed %d does not converge", seed).isLessThan(2000);
			}
			assertThat(state(org)).as("schedule with seed %d", seed).isEqualTo(cleanState);
			assertThat(ledger.verify(org).consistent()).as("ledger of seed %d", seed).isTrue();
		}
	}

	@Test
	void concurrentDuplicateDeliveriesOverHttpGrantOnce() throws Exception {
		OrgId org = freshOrg();
		HttpClient http = HttpClient.newHttpClient();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			for (JsonNode event : history) {
				String payload = json.writeValueAsString(event);
				List<Future<Integer>> copies = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					copies.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
						.header("Content-Type", "application/json")
						.header("Stripe-Signature", StripeEvents.sign(payload, secrets.all().get(0), Instant.now().getEpochSecond()))
						.POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()));
				}
				for (Future<Integer> copy : copies) {
					assertThat(copy.get()).isEqualTo(200);
				}
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(state(org)).isEqualTo(cleanState);
	}

	@Test
	void staleSignatureIsRejected() throws Exception {
		String payload = json.writeValueAsString(history.get(0));
		String old = StripeEvents.sign(payload, secrets.all().get(0), Instant.now().minusSeconds(301).getEpochSecond());
		assertThat(processor.handle(payload, old)).isEqualTo(WebhookProcessor.Result.REJECTED);
		String tampered = payload.replace("\"livemode\":false", "\"livemode\":true ");
		assertThat(processor.handle(tampered, StripeEvents.sign(payload, secrets.all().get(0), Instant.now().getEpochSecond())))
			.isEqualTo(WebhookProcessor.Result.REJECTED);
	}

	private WebhookProcessor.Result deliver(JsonNode event) throws Exception {
		String payload = json.writeValueAsString(event);
		return processor.handle(payload, StripeEvents.sign(payload, secrets.all().get(0), Instant.now().getEpochSecond()));
	}

	/** A new org that the recorded customer now belongs to, with no billing records yet. */
	private OrgId freshOrg() {
		Org org = orgs.create("Replay " + System.nanoTime(), ZoneId.of("UTC"));
		mongo.getCollection(BillingCollections.CUSTOMER_ORGS).deleteOne(Filters.eq("_id", customer));
		mongo.getCollection(BillingCollections.CUSTOMERS).deleteMany(Filters.eq("customerId", customer));
		customers.link(org.id(), customer);
		List<String> ids = history.stream().map(e -> e.get("id").asString()).toList();
		mongo.getCollection(BillingCollections.EVENTS).deleteMany(Filters.in("_id", ids));
		mongo.getCollection(BillingCollections.EFFECTS).deleteOne(Filters.eq("_id", "payment:" + paymentIntent));
		mongo.getCollection(BillingCollections.SUBSCRIPTIONS).deleteOne(Filters.eq("_id", subscriptionId));
		return org.id();
	}

	/** Everything a person would notice: credits, grants, policy and the subscription. */
	private String state(OrgId org) {
		Balance b = ledger.balance(org);
		List<String> grants = b.grants().stream()
			.map(g -> g.source().code() + ":" + g.amount() + "/" + g.remaining() + "@" + g.expiresAt())
			.sorted()
			.toList();
		SubscriptionView sub = subscriptions.current(org).orElse(null);
		return "available=" + b.available() + " debt=" + b.debt() + " overage=" + b.overageAllowed() + " blocked="
				+ b.blockedReason() + " period=" + b.period() + " grants=" + grants + " sub="
				+ (sub == null ? null : sub.status() + "/" + sub.tier() + "/" + sub.includedCredits() + "/"
						+ sub.currentPeriodEnd());
	}

	private void complete(String sessionId) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create(backend.apiBase() + "/v1/test_helpers/checkout/sessions/" + sessionId + "/complete"))
			.header("Authorization", "Bearer " + backend.secretKey())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("outcome=card_success")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}


}
