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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentMethodAttachParams;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantSource;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Auto top-up end to end against the Stripe emulator with stripe-java: the card a pack
 * Checkout saves, one off-session payment per threshold crossing (also when many commits
 * cross at once), credits granted once whether the webhook or the synchronous answer
 * comes first, the monthly limit, declined and authentication-required cards (the org is
 * told; after the configured failures it turns itself off), and a purchase a crash left
 * pending. And the next invoice: Stripe's preview of a subscription on a test clock plus
 * the overage the run-rate projection expects, or a clear 404 without a subscription.
 */
@BillingIntegrationTest(properties = { "billforge.billing.auto-top-up.max-failures=2",
		"billforge.billing.auto-top-up.retry-after=PT1H" })
class AutoTopUpAndInvoicePreviewIT {

	static final Instant START = Instant.parse("2026-11-10T12:00:00Z");

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
	Memberships memberships;

	@Autowired
	CreditLedger ledger;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	AutoTopUps topUps;

	@Autowired
	TopUpPurchases purchases;

	@Autowired
	TopUpPayments payments;

	@Autowired
	Notifications notifications;

	@Autowired
	MutableClock clock;

	@Autowired
	EmulatorSteps emulator;

	@Autowired
	WebhookProcessor processor;

	@Autowired
	WebhookSecrets secrets;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private Org org;

	private String key;

	private String owner;

	@BeforeEach
	void org() {
		clock.set(START);
		org = orgs.create("Acme " + System.nanoTime(), ZoneId.of("UTC"));
		key = orgs.createApiKey(org.id(), "test").key();
		owner = "owner-" + System.nanoTime() + "@acme.test";
		memberships.add(org.id(), owner, Role.OWNER);
		backend.emulator().clearFaults();
	}

	@Test
	void turningItOnNeedsASavedCardAPackAndBoundedInput() throws Exception {
		assertThat(call("GET", "/api/v1/billing/auto-top-up", null, 200).get("enabled").asBoolean()).isFalse();
		assertThat(put("test_pack_1000", "\"500\"", "2", 409).get("code").asString()).isEqualTo("no_payment_method");

		buyPack();
		assertThat(put("test_team_monthly", "\"500\"", "2", 400).get("field").asString()).isEqualTo("lookupKey");
		assertThat(put("nope", "\"500\"", "2", 400).get("field").asString()).isEqualTo("lookupKey");
		assertThat(put("test_pack_1000", "\"0\"", "2", 400).get("field").asString()).isEqualTo("threshold");
		assertThat(put("test_pack_1000", "\"1e999999\"", "2", 400).get("field").asString()).isEqualTo("threshold");
		assertThat(put("test_pack_1000", "\"0.001\"", "2", 400).get("field").asString()).isEqualTo("threshold");
		assertThat(put("test_pack_1000", "\"500\"", "0", 400).get("field").asString()).isEqualTo("monthlyLimit");
		assertThat(put("test_pack_1000", "\"500\"", "101", 400).get("field").asString()).isEqualTo("monthlyLimit");
		assertThat(put("test_pack_1000", "\"500\"", "1.5", 400).get("field").asString()).isEqualTo("monthlyLimit");
		assertThat(call("GET", "/api/v1/billing/auto-top-up", null, 200).get("enabled").asBoolean())
			.as("nothing half-applied")
			.isFalse();

		JsonNode on = put("test_pack_1000", "\"500\"", "2", 200);
		assertThat(on.get("enabled").asBoolean()).isTrue();
		assertThat(on.get("threshold").asString()).isEqualTo("500");
		assertThat(call("DELETE", "/api/v1/billing/auto-top-up", null, 200).get("enabled").asBoolean()).isFalse();
		assertThat(call("GET", "/api/v1/billing/auto-top-up", null, 200).get("disabledReason").asString())
			.isEqualTo("turned_off");
	}

	@Test
	void crossingTheThresholdBuysOnePackOffSessionWithTheCardCheckoutSavedAndGrantsItOnce() throws Exception {
		String customer = buyPack();
		assertThat(ledger.balance(org.id()).available()).as("free 100 + pack 1,000").isEqualTo(Credits.of(1100));
		put("test_pack_1000", "\"500\"", "2", 200);

		usage("u1", 700); // 400 left: below 500
		await(() -> ledger.balance(org.id()).available().equals(Credits.of(1400)));
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));

		List<PaymentIntent> intents = autoTopUpIntents(customer);
		assertThat(intents).hasSize(1);
		PaymentIntent pi = intents.get(0);
		assertThat(pi.getStatus()).isEqualTo("succeeded");
		assertThat(pi.getAmount()).isEqualTo(1000L);
		assertThat(pi.getPaymentMethod()).as("the card the pack Checkout saved").startsWith("pm_");
		assertThat(ledger.balance(org.id()).available()).as("webhook and synchronous answer: granted once")
			.isEqualTo(Credits.of(1400));
		assertThat(ledger.balance(org.id()).grants())
			.filteredOn(g -> g.source() == GrantSource.PACK && pi.getId().equals(g.reference()))
			.hasSize(1);
		JsonNode view = call("GET", "/api/v1/billing/auto-top-up", null, 200);
		assertThat(view.get("purchasesThisMonth").asLong()).isEqualTo(1);
		assertThat(view.get("purchases").get(0).get("status").asString()).isEqualTo("succeeded");

		// The second crossing buys the second pack of the month; the third is over the
		// monthly limit.
		usage("u2", 1000);
		await(() -> ledger.balance(org.id()).available().equals(Credits.of(1400))
				&& autoTopUpIntents(customer).size() == 2);
		usage("u3", 1000);
		topUps.evaluate(org.id());
		assertThat(autoTopUpIntents(customer)).as("monthly limit 2").hasSize(2);
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(400));

		// Next month the limit starts again (the new period's free tier may lift the
		// balance: use some first).
		clock.set(Instant.parse("2026-12-01T00:00:01Z"));
		usage("u4", 100);
		Credits before = ledger.balance(org.id()).available();
		assertThat(before).isLessThan(Credits.of(500));
		topUps.evaluate(org.id());
		await(() -> autoTopUpIntents(customer).size() == 3);
		await(() -> ledger.balance(org.id()).available().equals(before.plus(Credits.of(1000))));
	}

	@Test
	void aTopUpsWebhooksDeliveredAgainLateAndOutOfOrderGrantNothingMore() throws Exception {
		String customer = buyPack();
		put("test_pack_1000", "\"500\"", "2", 200);
		usage("late1", 700);
		await(() -> ledger.balance(org.id()).available().equals(Credits.of(1400)));
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		String intent = autoTopUpIntents(customer).get(0).getId();

		// Stripe retries and reorders: every event of this payment again, newest first,
		// twice.
		List<JsonNode> late = paymentEvents(intent);
		assertThat(late).extracting(e -> e.get("type").asString()).contains("payment_intent.succeeded");
		Collections.reverse(late);
		for (int round = 0; round < 2; round++) {
			for (JsonNode event : late) {
				assertThat(deliver(event)).isNotEqualTo(WebhookProcessor.Result.FAILED);
			}
		}
		// A distinct event about the same payment gets past the event-id check: the
		// grant's own key holds.
		for (JsonNode event : late) {
			ObjectNode copy = (ObjectNode) event.deepCopy();
			copy.put("id", "evt_again_" + System.nanoTime());
			assertThat(deliver(copy)).isNotEqualTo(WebhookProcessor.Result.FAILED);
		}

		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(1400));
		assertThat(ledger.balance(org.id()).grants())
			.filteredOn(g -> g.source() == GrantSource.PACK && intent.equals(g.reference()))
			.hasSize(1);
		assertThat(call("GET", "/api/v1/billing/auto-top-up", null, 200).get("purchasesThisMonth").asLong())
			.isEqualTo(1);
	}

	@Test
	void manyCommitsCrossingTheThresholdAtOnceBuyOnce() throws Exception {
		String customer = buyPack();
		put("test_pack_1000", "\"500\"", "5", 200);
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> done = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			int n = i;
			Callable<Object> task = () -> {
				start.await();
				usage("c" + n, 50); // together 800: from 1,100 to 300, every one of them
									// below 500 at some point
				topUps.evaluate(org.id());
				return null;
			};
			done.add(pool.submit(task));
		}
		start.countDown();
		for (Future<Object> f : done) {
			f.get();
		}
		pool.shutdown();
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		await(() -> ledger.balance(org.id()).available().equals(Credits.of(1300)));
		assertThat(autoTopUpIntents(customer)).as("one payment for one crossing").hasSize(1);
		assertThat(call("GET", "/api/v1/billing/auto-top-up", null, 200).get("purchasesThisMonth").asLong())
			.isEqualTo(1);
	}

	@Test
	void aDeclinedCardNotifiesTheOrgAndAfterTheConfiguredFailuresAutoTopUpTurnsItselfOff() throws Exception {
		String customer = firstFailureWith("pm_card_chargeDeclined");
		JsonNode first = call("GET", "/api/v1/billing/auto-top-up", null, 200);
		assertThat(first.get("enabled").asBoolean()).isTrue();
		assertThat(first.get("lastFailureCode").asString()).isEqualTo("card_declined");
		assertThat(first.get("purchases").get(0).get("status").asString()).isEqualTo("failed");
		// (usage alerts such as projected_exhaustion may be mailed too)
		assertThat(notifications.outboxFor(owner, Instant.EPOCH, 10)).extracting(m -> m.subject())
			.filteredOn(subject -> subject.startsWith("Auto top-up"))
			.containsExactly("Auto top-up payment failed");
		assertThat(autoTopUpIntents(customer)).singleElement()
			.satisfies(pi -> assertThat(pi.getStatus()).isEqualTo("requires_payment_method"));

		// Not again before retry-after, however many commits come.
		usage("d2", 10);
		topUps.evaluate(org.id());
		assertThat(autoTopUpIntents(customer)).hasSize(1);

		clock.set(START.plus(Duration.ofHours(2)));
		topUps.evaluate(org.id());
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		JsonNode off = call("GET", "/api/v1/billing/auto-top-up", null, 200);
		assertThat(off.get("enabled").asBoolean()).isFalse();
		assertThat(off.get("disabledReason").asString()).isEqualTo("too_many_failures");
		assertThat(notifications.outboxFor(owner, Instant.EPOCH, 10)).extracting(m -> m.subject())
			.filteredOn(subject -> subject.startsWith("Auto top-up"))
			.containsExactlyInAnyOrder("Auto top-up payment failed", "Auto top-up turned off");
		assertThat(ledger.balance(org.id()).available()).as("no credits without payment").isEqualTo(Credits.of(390));

		clock.set(START.plus(Duration.ofHours(4)));
		topUps.evaluate(org.id());
		assertThat(autoTopUpIntents(customer)).as("off means off").hasSize(2);
	}

	@Test
	void aCardThatNeedsAuthenticationIsAFailureNotAPayment() throws Exception {
		String customer = firstFailureWith("pm_card_authenticationRequired");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(call("GET", "/api/v1/billing/auto-top-up", null, 200).get("lastFailureCode").asString())
			.isEqualTo("authentication_required");
		assertThat(autoTopUpIntents(customer)).singleElement()
			.satisfies(pi -> assertThat(pi.getStatus()).isEqualTo("requires_action"));
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(400));
		assertThat(call("GET", "/api/v1/billing/auto-top-up", null, 200).get("failures").asInt())
			.as("the webhook does not count the failure a second time")
			.isEqualTo(1);

		// Nor does the same webhook delivered again (Stripe retries), late and out of
		// order.
		String intent = autoTopUpIntents(customer).get(0).getId();
		List<JsonNode> late = paymentEvents(intent);
		assertThat(late).isNotEmpty();
		Collections.reverse(late);
		for (int round = 0; round < 2; round++) {
			for (JsonNode event : late) {
				assertThat(deliver(event)).isNotEqualTo(WebhookProcessor.Result.FAILED);
			}
		}
		assertThat(call("GET", "/api/v1/billing/auto-top-up", null, 200).get("failures").asInt()).isEqualTo(1);
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(400));
	}

	/**
	 * The emulator's events about one payment (payment_intent.*, charge.*), oldest first.
	 */
	private List<JsonNode> paymentEvents(String intent) throws Exception {
		List<JsonNode> events = new ArrayList<>();
		for (JsonNode event : StripeEvents.all(backend, json)) {
			String type = event.get("type").asString();
			if ((type.startsWith("payment_intent.") || type.startsWith("charge."))
					&& event.toString().contains(intent)) {
				events.add(event);
			}
		}
		return events;
	}

	private WebhookProcessor.Result deliver(JsonNode event) throws Exception {
		String payload = json.writeValueAsString(event);
		return processor.handle(payload,
				StripeEvents.sign(payload, secrets.all().get(0), Instant.now().getEpochSecond()));
	}

	@Test
	void aPurchaseACrashLeftPendingIsResumedAsTheSamePayment() throws Exception {
		String customer = buyPack();
		put("test_pack_1000", "\"500\"", "5", 200);
		topUps.disable(org.id()); // no trigger while the crash is staged
		usage("p1", 700);
		String endpoint = stripe.v1().webhookEndpoints().list().getData().get(0).getId();
		emulator.form("/v1/webhook_endpoints/" + endpoint, "disabled=true");
		try {
			// The crash: the crossing was claimed and Stripe charged, but the answer
			// never got recorded here.
			String purchaseId = org.id().value() + ":0";
			assertThat(purchases.claim(new TopUpPurchases.Purchase(purchaseId, org.id(), 0, "pending", "test_pack_1000",
					"1000", 1000, "usd", null, null, clock.instant())))
				.isTrue();
			String card = payments.savedCard(customer).orElseThrow();
			payments.charge(new TopUpPayments.Charge(purchaseId, org.id().value(), customer, 1000, "usd",
					"test_pack_1000", "1000", "doc_router"), card);
			assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(400));

			clock.set(START.plus(Duration.ofMinutes(5)));
			assertThat(topUps.sweep()).as("resumed").isEqualTo(1);
			assertThat(topUps.sweep()).as("nothing left pending").isZero();
			assertThat(autoTopUpIntents(customer)).as("the idempotency key makes the resume the same payment")
				.hasSize(1);
			assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(1400));
			assertThat(purchases.find(purchaseId).orElseThrow().status()).isEqualTo("succeeded");
		}
		finally {
			emulator.form("/v1/webhook_endpoints/" + endpoint, "disabled=false");
		}
	}

	@Test
	void theNextInvoiceIsStripesPreviewPlusTheOverageTheProjectionExpects() throws Exception {
		JsonNode none = call("GET", "/api/v1/billing/upcoming-invoice", null, 404);
		assertThat(none.get("code").asString()).isEqualTo("no_upcoming_invoice");

		emulator.customerOn(emulator.testClock(START), org);
		String session = call("POST", "/api/v1/billing/checkout-sessions", "{\"lookupKey\":\"test_team_monthly\"}", 201)
			.get("id")
			.asString();
		emulator.completeCheckout(session, "card_success");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		JsonNode sub = call("GET", "/api/v1/billing/subscription", null, 200).get("subscription");
		Instant periodEnd = Instant.parse(sub.get("currentPeriodEnd").asString());
		assertThat(periodEnd).isEqualTo(Instant.parse("2026-12-10T12:00:00Z"));

		// Day 10 of 30: 6,000 used, so 18,000 by period end at this rate.
		clock.set(START.plus(Duration.ofDays(10)));
		usage("o1", 6000);
		Credits expected = Credits.of(18000).minus(ledger.balance(org.id()).periodCredits());
		assertThat(expected.isPositive()).isTrue();

		JsonNode upcoming = call("GET", "/api/v1/billing/upcoming-invoice", null, 200);
		assertThat(upcoming.get("subscription").asString()).isEqualTo(sub.get("id").asString());
		assertThat(upcoming.get("currency").asString()).isEqualTo("usd");
		assertThat(upcoming.get("lines")).singleElement().satisfies(line -> {
			assertThat(line.get("amount").asLong()).isEqualTo(9900);
			assertThat(line.get("description").asString()).contains("Test Team");
			assertThat(line.get("periodStart").asLong()).isEqualTo(periodEnd.getEpochSecond());
		});
		assertThat(upcoming.get("total").asLong()).isEqualTo(9900);
		JsonNode overage = upcoming.get("estimatedOverage");
		assertThat(overage.get("estimate").asBoolean()).isTrue();
		assertThat(Credits.of(overage.get("credits").asString())).isEqualTo(expected);
		long cents = expected.amount().setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
		assertThat(overage.get("amount").asLong()).as("1 cent per credit").isEqualTo(cents);
		assertThat(upcoming.get("estimatedTotal").asLong()).isEqualTo(9900 + cents);
	}

	private String buyPack() throws Exception {
		String id = call("POST", "/api/v1/billing/checkout-sessions",
				"{\"lookupKey\":\"test_pack_1000\",\"quantity\":1}", 201)
			.get("id")
			.asString();
		emulator.completeCheckout(id, "card_success");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		await(() -> ledger.balance(org.id()).available().equals(Credits.of(1100)));
		return customers.customerOf(org.id()).orElseThrow();
	}

	/**
	 * Auto top-up with this test card as the default, then a commit that crosses the
	 * threshold: one failure.
	 */
	private String firstFailureWith(String testToken) throws Exception {
		String customer = buyPack();
		useCard(customer, testToken);
		put("test_pack_1000", "\"500\"", "5", 200);
		usage("f1", 700);
		await(() -> call("GET", "/api/v1/billing/auto-top-up", null, 200).get("failures").asInt() == 1);
		return customer;
	}

	private void useCard(String customer, String testToken) throws Exception {
		PaymentMethod pm = stripe.v1()
			.paymentMethods()
			.attach(testToken, PaymentMethodAttachParams.builder().setCustomer(customer).build());
		stripe.v1()
			.customers()
			.update(customer, CustomerUpdateParams.builder()
				.setInvoiceSettings(
						CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(pm.getId()).build())
				.build());
	}

	private List<PaymentIntent> autoTopUpIntents(String customer) {
		try {
			return stripe.v1()
				.paymentIntents()
				.list(PaymentIntentListParams.builder().setCustomer(customer).setLimit(100L).build())
				.getData()
				.stream()
				.filter(pi -> pi.getMetadata() != null && "auto_top_up".equals(pi.getMetadata().get("kind")))
				.toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void usage(String key, int pages) throws Exception {
		call("POST", "/api/v1/usage",
				"{\"events\":[{\"idempotencyKey\":\"" + key + "\",\"meter\":\"page\",\"quantity\":" + pages + "}]}",
				200);
	}

	private JsonNode put(String lookupKey, String threshold, String monthlyLimit, int expected) throws Exception {
		return call("PUT", "/api/v1/billing/auto-top-up", "{\"lookupKey\":\"" + lookupKey + "\",\"threshold\":"
				+ threshold + ",\"monthlyLimit\":" + monthlyLimit + "}", expected);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(20));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("condition not met in time").isBefore(until);
			Thread.sleep(50);
		}
	}

	private JsonNode call(String method, String path, String body, int expected) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.method(method,
						body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
			return json.readTree(response.body());
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
