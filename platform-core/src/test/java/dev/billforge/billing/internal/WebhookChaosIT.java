package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.WebhookEndpointUpdateParams;

import dev.billforge.billing.SubscriptionView;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.stripe.emulator.Fault;
import dev.billforge.testsupport.BillingScenarioTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook chaos: recorded billing histories are delivered in schedules that duplicate,
 * reorder, delay and lose events — every event one to three times, shuffled, some
 * deliveries meeting a transient Stripe failure so they fail and come back later, as
 * Stripe retries — and each org ends exactly as after one clean, ordered delivery of the
 * same history. The schedules ({@link ChaosSchedules}) are chosen to cover every order of
 * every two events, every late duplicate and every event under a fault, rather than
 * hoping that many random ones do. Histories: a pack bought and partly refunded, a plan
 * bought and upgraded; a trial with a promotion code and tax (credits and the three-days
 * notice once while trialing; then converted by a discounted, taxed first invoice whose
 * allowance is not discounted); a trial without a card that ends unpaid (free tier); a
 * per-seat plan whose seats go up (the new seats' allowance once) and down. Also:
 * concurrent duplicate deliveries over HTTP. Each schedule replays onto a fresh org (the
 * history's customer is re-pointed to it). {@code -Dbilling.chaos.extra-schedules=N} adds
 * N plain random schedules per history for a longer soak.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BillingScenarioTest
class WebhookChaosIT {

	static final int EXTRA_SCHEDULES = Integer.getInteger("billing.chaos.extra-schedules", 0);

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
	Notifications notifications;

	@Autowired
	MongoTemplate mongo;

	private final HttpClient http = HttpClient.newHttpClient();

	/** Ids of the events already taken into a history (or there before this class). */
	private final Set<String> recorded = new HashSet<>();

	private Replay purchases;

	@BeforeAll
	void recordPurchases() throws Exception {
		// Record without delivering: pause this app's endpoint while the histories are
		// made.
		for (WebhookEndpoint endpoint : stripe.v1().webhookEndpoints().list().getData()) {
			stripe.v1()
				.webhookEndpoints()
				.update(endpoint.getId(), WebhookEndpointUpdateParams.builder().setDisabled(true).build());
		}
		newEvents();
		Org org = orgs.create("Recorder", ZoneId.of("UTC"));
		String pack = flows.checkout(org.id(), "test_pack_1000", 1).id();
		complete(pack, "outcome=card_success&country=US");
		String plan = flows.checkout(org.id(), "test_individual_monthly", 1).id();
		complete(plan, "outcome=card_success&country=US");
		String paymentIntent = stripe.v1().checkout().sessions().retrieve(pack).getPaymentIntent();
		stripe.v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).setAmount(250L).build());
		String subscriptionId = stripe.v1().checkout().sessions().retrieve(plan).getSubscription();
		Subscription sub = stripe.v1().subscriptions().retrieve(subscriptionId);
		String team = stripe.v1()
			.prices()
			.list(com.stripe.param.PriceListParams.builder().addLookupKey("test_team_monthly").build())
			.getData()
			.get(0)
			.getId();
		stripe.v1()
			.subscriptions()
			.update(subscriptionId,
					SubscriptionUpdateParams.builder()
						.addItem(SubscriptionUpdateParams.Item.builder()
							.setId(sub.getItems().getData().get(0).getId())
							.setPrice(team)
							.build())
						.setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
						.build());
		purchases = new Replay("purchases", customers.customerOf(org.id()).orElseThrow(), newEvents());
		assertThat(purchases.types()).contains("checkout.session.completed", "invoice.paid", "charge.refunded",
				"customer.subscription.updated");
		String clean = purchases.clean();
		// 100 free + (1,000 pack - 250 refunded) + 2,000 individual + 13,000 upgrade
		// difference
		assertThat(clean).as(purchases.types().toString())
			.contains("available=15850 ")
			.contains("team")
			.contains("active");
	}

	@AfterAll
	void resumeDelivery() throws Exception {
		// The context is shared (BillingBrowserJourneyIT): Stripe delivers to it again.
		for (WebhookEndpoint endpoint : stripe.v1().webhookEndpoints().list().getData()) {
			stripe.v1()
				.webhookEndpoints()
				.update(endpoint.getId(), WebhookEndpointUpdateParams.builder().setDisabled(false).build());
		}
	}

	@Test
	void packRefundPlanAndUpgradeEndLikeCleanDeliveryWhateverTheSchedule() throws Exception {
		purchases.chaos();
	}

	@Test
	void aDiscountedTaxedTrialGrantsItsCreditsAndNoticeOnceAndConvertsToTheUndiscountedAllowance() throws Exception {
		Org org = orgs.create("Trial recorder", ZoneId.of("UTC"));
		String testClock = customerOnTestClock(org);
		String session = flows.checkout(org.id(), "chaos_trial_monthly", 1).id();
		complete(session, "outcome=card_success&country=DE&promotion_code=HALF");
		Subscription sub = stripe.v1()
			.subscriptions()
			.retrieve(stripe.v1().checkout().sessions().retrieve(session).getSubscription());
		Instant trialEnd = Instant.ofEpochSecond(sub.getTrialEnd());
		advance(testClock, trialEnd.minus(Duration.ofDays(3)).plusSeconds(60));
		Replay trialing = new Replay("trialing", sub.getCustomer(), newEvents());
		assertThat(trialing.types()).contains("checkout.session.completed", "customer.subscription.trial_will_end");
		assertThat(trialing.clean()).as("free 100 + trial 300, the notice once")
			.contains("available=400 ", "promo:300/300@" + trialEnd, "notices=1", "sub=trialing/");
		trialing.chaos();

		advance(testClock, trialEnd.plusSeconds(60));
		advance(testClock, trialEnd.plus(Duration.ofHours(2)));
		Invoice first = stripe.v1()
			.invoices()
			.list(InvoiceListParams.builder().setCustomer(sub.getCustomer()).build())
			.getData()
			.stream()
			.filter(i -> "subscription_cycle".equals(i.getBillingReason()))
			.findFirst()
			.orElseThrow();
		assertThat(first.getStatus()).isEqualTo("paid");
		assertThat(CheckoutOptions.discount(first)).as("50 % off").isEqualTo(2450L);
		assertThat(CheckoutOptions.tax(first)).as("DE taxed").isPositive();
		Replay converted = trialing.then("converted", newEvents());
		assertThat(converted.types()).contains("invoice.paid", "customer.subscription.updated");
		assertThat(converted.clean()).as("the allowance in full, whatever the discount")
			.contains("plan_allowance:5000/5000", "sub=active/");
		converted.chaos();
	}

	@Test
	void aTrialWithoutACardEndingUnpaidFallsBackToTheFreeTierWhateverTheSchedule() throws Exception {
		Org org = orgs.create("Unpaid trial recorder", ZoneId.of("UTC"));
		String testClock = customerOnTestClock(org);
		String session = flows.checkout(org.id(), "chaos_trial_nocard_monthly", 1).id();
		complete(session, "outcome=no_card&country=FR");
		Subscription sub = stripe.v1()
			.subscriptions()
			.retrieve(stripe.v1().checkout().sessions().retrieve(session).getSubscription());
		Replay trialing = new Replay("unpaid trialing", sub.getCustomer(), newEvents());
		assertThat(trialing.clean()).contains("available=300 ", "sub=trialing/");
		trialing.chaos();

		advance(testClock, Instant.ofEpochSecond(sub.getTrialEnd()).plusSeconds(60));
		Replay ended = trialing.then("unpaid end", newEvents());
		assertThat(ended.clean()).as("free tier again: not blocked, no overage, no allowance")
			.contains("sub=canceled/", "overage=false", "blocked=null")
			.doesNotContain("plan_allowance");
		ended.chaos();
	}

	@Test
	void seatsAddedGrantTheirAllowanceOnceAndSeatsRemovedChangeNoCreditsWhateverTheSchedule() throws Exception {
		Org org = orgs.create("Seats recorder", ZoneId.of("UTC"));
		String session = flows.checkout(org.id(), "chaos_seat_monthly", 2).id();
		complete(session, "outcome=card_success&country=US");
		String subscriptionId = stripe.v1().checkout().sessions().retrieve(session).getSubscription();
		seats(subscriptionId, 5, SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE);
		seats(subscriptionId, 3, SubscriptionUpdateParams.ProrationBehavior.NONE);
		Replay seats = new Replay("seats", customers.customerOf(org.id()).orElseThrow(), newEvents());
		assertThat(seats.types()).contains("checkout.session.completed", "invoice.paid",
				"customer.subscription.updated");
		assertThat(seats.clean()).as("free 100 + 2 seats × 1,000 + 3 more seats × 1,000, then 3 seats")
			.contains("available=5100 ", "seats=3");
		seats.chaos();
	}

	@Test
	void concurrentDuplicateDeliveriesOverHttpGrantOnce() throws Exception {
		OrgId org = purchases.freshOrg();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			for (JsonNode event : purchases.history) {
				String payload = json.writeValueAsString(event);
				List<Future<Integer>> copies = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					copies.add(pool.submit(
							() -> http
								.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
									.header("Content-Type", "application/json")
									.header("Stripe-Signature",
											StripeEvents.sign(payload, secrets.all().get(0),
													Instant.now().getEpochSecond()))
									.POST(HttpRequest.BodyPublishers.ofString(payload))
									.build(), HttpResponse.BodyHandlers.ofString())
								.statusCode()));
				}
				for (Future<Integer> copy : copies) {
					assertThat(copy.get()).isEqualTo(200);
				}
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(state(org)).isEqualTo(purchases.clean);
	}

	@Test
	void staleSignatureIsRejected() throws Exception {
		String payload = json.writeValueAsString(purchases.history.get(0));
		String old = StripeEvents.sign(payload, secrets.all().get(0), Instant.now().minusSeconds(301).getEpochSecond());
		assertThat(processor.handle(payload, old)).isEqualTo(WebhookProcessor.Result.REJECTED);
		String tampered = payload.replace("\"livemode\":false", "\"livemode\":true ");
		assertThat(processor.handle(tampered,
				StripeEvents.sign(payload, secrets.all().get(0), Instant.now().getEpochSecond())))
			.isEqualTo(WebhookProcessor.Result.REJECTED);
	}

	/** One customer's recorded events, replayed onto fresh orgs. */
	private final class Replay {

		final String name;

		final String customer;

		final List<JsonNode> history;

		/**
		 * Payment intents and subscriptions of the history, whose billing records a fresh
		 * org must not inherit.
		 */
		final Set<String> objects = new HashSet<>();

		String clean;

		Replay(String name, String customer, List<JsonNode> history) {
			this.name = name;
			this.customer = customer;
			this.history = List.copyOf(history);
			this.history.forEach(e -> collectObjects(e));
		}

		/** This history followed by the events recorded since. */
		Replay then(String next, List<JsonNode> more) {
			List<JsonNode> all = new ArrayList<>(history);
			all.addAll(more);
			return new Replay(next, customer, all);
		}

		List<String> types() {
			return history.stream().map(e -> e.get("type").asString()).toList();
		}

		/**
		 * The state after one clean, ordered delivery onto a fresh org (kept as the
		 * reference).
		 */
		String clean() throws Exception {
			OrgId org = freshOrg();
			for (JsonNode event : history) {
				assertThat(deliver(event)).as(name).isNotEqualTo(WebhookProcessor.Result.FAILED);
			}
			assertThat(ledger.verify(org).consistent()).isTrue();
			clean = state(org);
			return clean;
		}

		/** Every covering schedule ends in the clean state, with a consistent ledger. */
		void chaos() throws Exception {
			assertThat(clean).as("clean() first").isNotNull();
			List<ChaosSchedules.Schedule> schedules = ChaosSchedules.covering(history.size(), EXTRA_SCHEDULES);
			int resent = 0;
			for (ChaosSchedules.Schedule schedule : schedules) {
				OrgId org = freshOrg();
				resent += run(schedule);
				assertThat(state(org)).as("%s, schedule with seed %d", name, schedule.seed()).isEqualTo(clean);
				assertThat(ledger.verify(org).consistent()).as("ledger of %s seed %d", name, schedule.seed()).isTrue();
			}
			assertThat(resent).as("%s: some deliveries were lost and resent", name).isPositive();
			System.out.printf("WebhookChaosIT %s: %d events, %d schedules, %d deliveries lost and resent%n", name,
					history.size(), schedules.size(), resent);
		}

		/**
		 * Delivers one schedule; returns how many deliveries failed and were queued
		 * again.
		 */
		private int run(ChaosSchedules.Schedule schedule) throws Exception {
			java.util.Random random = new java.util.Random(schedule.seed());
			List<Integer> queue = new ArrayList<>(schedule.order());
			List<Boolean> faults = new ArrayList<>(schedule.faults());
			int deliveries = 0;
			int resent = 0;
			while (!queue.isEmpty()) {
				int index = queue.remove(0);
				JsonNode event = history.get(index);
				if (faults.remove(0)) {
					backend.emulator().injectFault(new Fault("GET", "/v1/", Fault.Kind.RATE_LIMIT, 1, null));
				}
				WebhookProcessor.Result result = deliver(event);
				backend.emulator().clearFaults();
				if (result == WebhookProcessor.Result.FAILED) {
					resent++;
					int at = random.nextInt(queue.size() + 1); // Stripe retries later
					queue.add(at, index);
					faults.add(at, random.nextDouble() < ChaosSchedules.FAULT_RATE);
				}
				assertThat(++deliveries).as("%s seed %d does not converge", name, schedule.seed()).isLessThan(2000);
			}
			return resent;
		}

		/**
		 * A new org that the recorded customer now belongs to, with no billing records of
		 * the history yet.
		 */
		OrgId freshOrg() {
			Org org = orgs.create("Replay " + System.nanoTime(), ZoneId.of("UTC"));
			mongo.getCollection(BillingCollections.CUSTOMER_ORGS).deleteOne(Filters.eq("_id", customer));
			mongo.getCollection(BillingCollections.CUSTOMERS).deleteMany(Filters.eq("customerId", customer));
			customers.link(org.id(), customer);
			mongo.getCollection(BillingCollections.EVENTS).deleteMany(Filters.in("_id", ids(history)));
			List<String> effects = new ArrayList<>();
			objects.forEach(o -> effects.addAll(List.of("payment:" + o, "duplicate:" + o)));
			mongo.getCollection(BillingCollections.EFFECTS).deleteMany(Filters.in("_id", effects));
			mongo.getCollection(BillingCollections.SUBSCRIPTIONS).deleteMany(Filters.in("_id", objects));
			// A notice's id is the subscription's (it belongs to one org in life; here it
			// moves to the fresh one).
			for (String o : objects) {
				mongo.getCollection("notifications").deleteMany(Filters.regex("_id", "^trial_will_end:" + o + ":"));
				mongo.getCollection("notification_deliveries")
					.deleteMany(Filters.regex("_id", "^trial_will_end:" + o + ":"));
			}
			return org.id();
		}

		private void collectObjects(JsonNode node) {
			if (node.isString()) {
				String value = node.asString();
				if ((value.startsWith("pi_") || value.startsWith("sub_")) && !value.contains("_secret")) {
					objects.add(value);
				}
			}
			node.forEach(this::collectObjects);
		}

	}

	private static List<String> ids(Collection<JsonNode> events) {
		return events.stream().map(e -> e.get("id").asString()).toList();
	}

	/** The events made since the last call (oldest first). */
	private List<JsonNode> newEvents() throws Exception {
		List<JsonNode> fresh = new ArrayList<>();
		for (JsonNode event : StripeEvents.all(backend, json)) {
			if (recorded.add(event.get("id").asString())) {
				fresh.add(event);
			}
		}
		return fresh;
	}

	private WebhookProcessor.Result deliver(JsonNode event) throws Exception {
		String payload = json.writeValueAsString(event);
		return processor.handle(payload,
				StripeEvents.sign(payload, secrets.all().get(0), Instant.now().getEpochSecond()));
	}

	/**
	 * Everything a person would notice: credits, grants, policy, notices and the
	 * subscription.
	 */
	private String state(OrgId org) {
		Balance b = ledger.balance(org);
		List<String> grants = b.grants()
			.stream()
			.map(g -> g.source().code() + ":" + g.amount() + "/" + g.remaining() + "@" + g.expiresAt())
			.sorted()
			.toList();
		long notices = notifications.inbox(org, 50).stream().filter(n -> "trial_will_end".equals(n.type())).count();
		SubscriptionView sub = subscriptions.current(org).orElse(null);
		return "available=" + b.available() + " debt=" + b.debt() + " overage=" + b.overageAllowed() + " blocked="
				+ b.blockedReason() + " period=" + b.period() + " grants=" + grants + " notices=" + notices + " sub="
				+ (sub == null ? null : sub.status() + "/" + sub.tier() + "/" + sub.includedCredits() + "/"
						+ sub.currentPeriodEnd() + " seats=" + sub.quantity());
	}

	private void seats(String subscriptionId, long quantity, SubscriptionUpdateParams.ProrationBehavior proration)
			throws Exception {
		Subscription sub = stripe.v1().subscriptions().retrieve(subscriptionId);
		stripe.v1()
			.subscriptions()
			.update(subscriptionId,
					SubscriptionUpdateParams.builder()
						.addItem(SubscriptionUpdateParams.Item.builder()
							.setId(sub.getItems().getData().get(0).getId())
							.setQuantity(quantity)
							.build())
						.setProrationBehavior(proration)
						.build());
	}

	private String customerOnTestClock(Org org) throws Exception {
		String testClock = form("/v1/test_helpers/test_clocks", "frozen_time=" + Instant.now().getEpochSecond())
			.get("id")
			.asString();
		Customer customer = stripe.v1()
			.customers()
			.create(CustomerCreateParams.builder()
				.setName(org.name())
				.putMetadata("org_id", org.id().value())
				.putMetadata("product", "doc_router")
				.setTestClock(testClock)
				.build());
		customers.link(org.id(), customer.getId());
		return testClock;
	}

	private void advance(String testClock, Instant to) throws Exception {
		form("/v1/test_helpers/test_clocks/" + testClock + "/advance", "frozen_time=" + to.getEpochSecond());
		assertThat(backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(60))).isTrue();
	}

	private void complete(String sessionId, String outcome) throws Exception {
		form("/v1/test_helpers/checkout/sessions/" + sessionId + "/complete", outcome);
	}

	private JsonNode form(String path, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(backend.apiBase() + path))
			.header("Authorization", "Bearer " + backend.secretKey())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

}
