package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionListParams;

import dev.billforge.branding.Brand;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.outcomes.Actor;
import dev.billforge.outcomes.OutcomeCandidate;
import dev.billforge.outcomes.OutcomeStatus;
import dev.billforge.outcomes.Outcomes;
import dev.billforge.stripe.emulator.Fault;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing end to end against the in-process Stripe emulator through the real stripe-java
 * client: catalog, Checkout (packs and plans), the redirect-vs-webhook race, refunds,
 * forged webhooks, Stripe faults, and a renewal through a test clock that bills overage
 * exactly once.
 */
@BillingIntegrationTest(properties = { "billforge.billing.max-network-retries=2",
		"billforge.outcomes.types.report.fee=100", "billforge.outcomes.types.report.dispute-window=0s" })
class BillingIT {

	static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	StripeClient stripe;

	@Autowired
	Brand brand;

	@Autowired
	StripeBackend backend;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	CatalogCommand catalogCommand;

	@Autowired
	CheckoutFinalizer finalizer;

	@Autowired
	MutableClock clock;

	@Autowired
	EmulatorSteps emulator;

	@Autowired
	Outcomes outcomes;

	@Autowired
	Memberships memberships;

	@Autowired
	Clock anyClock;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private Org org;

	private String key;

	@BeforeEach
	void org() {
		clock.set(START);
		org = orgs.create("Acme " + System.nanoTime(), ZoneId.of("UTC"));
		key = orgs.createApiKey(org.id(), "test").key();
		backend.emulator().clearFaults();
	}

	@Test
	void catalogIsPushedOnceAndDiscoveredThroughEveryPage() throws Exception {
		assertThat(catalogCommand.pushCommand(false)).isZero();
		assertThat(catalogCommand.load().map(f -> {
			try {
				return new CatalogPusher(stripe, new dev.billforge.common.ProductProperties() {
					{
						setTag("doc_router");
					}
				}).diff(f);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).orElseThrow()).as("pushing twice changes nothing").isEmpty();
		// More prices than one page of 10: all are discovered.
		for (int i = 0; i < 12; i++) {
			stripe.v1()
				.prices()
				.create(com.stripe.param.PriceCreateParams.builder()
					.setProduct("doc_router_pack_1000")
					.setCurrency("usd")
					.setUnitAmount(100L + i)
					.putMetadata("kind", "pack")
					.putMetadata("credits", "10")
					.putMetadata("tier", "extra" + i)
					.setLookupKey("extra_" + i)
					.build());
		}
		JsonNode catalog = call("GET", "/api/v1/billing/catalog", null, 200);
		assertThat(catalog.get("testMode").asBoolean()).isTrue();
		assertThat(catalog.get("plans")).hasSize(2);
		assertThat(catalog.get("packs").size()).isGreaterThanOrEqualTo(13);
		assertThat(catalog.get("plans").get(1).get("includedCredits").asString()).isEqualTo("15000");
		assertThat(catalog.get("plans").get(1).get("overageUnitAmountDecimal").decimalValue())
			.isEqualByComparingTo("1");
	}

	@Test
	void packCheckoutGrantsOnceWhetherRedirectOrWebhookComesFirst() throws Exception {
		JsonNode session = call("POST", "/api/v1/billing/checkout-sessions",
				"{\"lookupKey\":\"test_pack_1000\",\"quantity\":2}", 201);
		String id = session.get("id").asString();
		assertThat(session.get("url").asString()).contains(id);
		emulator.completeCheckout(id, "card_success");
		// The success redirect and several webhook-path finalizations race.
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> racers = new ArrayList<>();
		racers.add(pool.submit(() -> get("/billing/checkout/success?session_id=" + id)));
		for (int i = 0; i < 3; i++) {
			racers.add(pool.submit((Callable<Object>) () -> finalizer.finalizeSession(id)));
		}
		for (Future<?> f : racers) {
			f.get();
		}
		pool.shutdown();
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(2100));
		HttpResponse<String> redirect = get("/billing/checkout/success?session_id=" + id);
		assertThat(redirect.statusCode()).isEqualTo(303);
		assertThat(redirect.headers().firstValue("Location").orElseThrow()).contains("billing=checkout_complete");
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(2100));
	}

	@Autowired
	WebhookSecrets webhookSecrets;

	@Test
	void delayedPackPaymentGrantsOnlyOnceItSucceedsAndNothingWhenItFails() throws Exception {
		String paid = call("POST", "/api/v1/billing/checkout-sessions",
				"{\"lookupKey\":\"test_pack_1000\",\"quantity\":2}", 201)
			.get("id")
			.asString();
		emulator.completeCheckout(paid, "delayed_success");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(stripe.v1().checkout().sessions().retrieve(paid).getPaymentStatus()).isEqualTo("unpaid");
		assertThat(eventTypesFor(paid)).contains("checkout.session.completed");
		assertThat(ledger.balance(org.id()).available()).as("completed but unpaid: nothing yet")
			.isEqualTo(Credits.of(100));
		HttpResponse<String> redirect = get("/billing/checkout/success?session_id=" + paid);
		assertThat(redirect.headers().firstValue("Location").orElseThrow()).contains("billing=payment_pending");
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(100));

		emulator.form("/v1/test_helpers/checkout/sessions/" + paid + "/settle", "");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).as("settled: the pack, once").isEqualTo(Credits.of(2100));

		// Stripe delivers at least once: the same event again, concurrently, and a second
		// copy of the effect.
		JsonNode succeeded = eventFor(paid, "checkout.session.async_payment_succeeded");
		ExecutorService pool = Executors.newFixedThreadPool(3);
		List<Future<Integer>> deliveries = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			deliveries.add(pool.submit(() -> deliver(succeeded)));
		}
		for (Future<Integer> delivery : deliveries) {
			assertThat(delivery.get()).isEqualTo(200);
		}
		pool.shutdown();
		webhookProcessor.apply(succeeded.get("type").asString(), succeeded.get("data").get("object"));
		assertThat(ledger.balance(org.id()).available()).as("duplicates change nothing").isEqualTo(Credits.of(2100));
		assertThat(ledger.balance(org.id())
			.grants()
			.stream()
			.filter(g -> g.source() == dev.billforge.ledger.GrantSource.PACK)).hasSize(1);

		String failed = call("POST", "/api/v1/billing/checkout-sessions",
				"{\"lookupKey\":\"test_pack_1000\",\"quantity\":1}", 201)
			.get("id")
			.asString();
		emulator.completeCheckout(failed, "delayed_failure");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		emulator.form("/v1/test_helpers/checkout/sessions/" + failed + "/settle", "");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		JsonNode failure = eventFor(failed, "checkout.session.async_payment_failed");
		assertThat(deliver(failure)).isEqualTo(200);
		webhookProcessor.apply(failure.get("type").asString(), failure.get("data").get("object"));
		assertThat(get("/billing/checkout/success?session_id=" + failed).headers().firstValue("Location").orElseThrow())
			.contains("billing=payment_pending");
		assertThat(ledger.balance(org.id()).available()).as("a failed delayed payment grants nothing")
			.isEqualTo(Credits.of(2100));
	}

	private List<String> eventTypesFor(String objectId) throws Exception {
		return StripeEvents.all(backend, json)
			.stream()
			.filter(e -> objectId.equals(e.get("data").get("object").get("id").asString()))
			.map(e -> e.get("type").asString())
			.toList();
	}

	private JsonNode eventFor(String objectId, String type) throws Exception {
		return StripeEvents.all(backend, json)
			.stream()
			.filter(e -> type.equals(e.get("type").asString())
					&& objectId.equals(e.get("data").get("object").get("id").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " for " + objectId));
	}

	/**
	 * Posts an event to the webhook signed with the endpoint secret, as Stripe does;
	 * returns the status.
	 */
	private int deliver(JsonNode event) throws Exception {
		String payload = json.writeValueAsString(event);
		String signature = StripeEvents.sign(payload, webhookSecrets.all().get(0), Instant.now().getEpochSecond());
		return http
			.send(HttpRequest.newBuilder(URI.create(base() + "/stripe/webhook"))
				.header("Content-Type", "application/json")
				.header("Stripe-Signature", signature)
				.POST(HttpRequest.BodyPublishers.ofString(payload))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	@Test
	void refundsClawBackTheirShareOfThePack() throws Exception {
		String id = call("POST", "/api/v1/billing/checkout-sessions",
				"{\"lookupKey\":\"test_pack_1000\",\"quantity\":1}", 201)
			.get("id")
			.asString();
		emulator.completeCheckout(id, "card_success");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(1100));
		Session session = stripe.v1().checkout().sessions().retrieve(id);
		assertThat(session.getBrandingSettings().getDisplayName()).as("Checkout shows the tenant's brand")
			.isEqualTo(brand.productName());
		assertThat(session.getBrandingSettings().getButtonColor()).isEqualTo(brand.palette().light().primary().hex());
		stripe.v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(session.getPaymentIntent()).setAmount(250L).build());
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).as("a quarter refunded").isEqualTo(Credits.of(850));
		stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(session.getPaymentIntent()).build());
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).as("the rest refunded").isEqualTo(Credits.of(100));
	}

	@Test
	void forgedWebhookIsRejectedAndChangesNothing() throws Exception {
		String id = call("POST", "/api/v1/billing/checkout-sessions",
				"{\"lookupKey\":\"test_pack_1000\",\"quantity\":1}", 201)
			.get("id")
			.asString();
		backend.emulator().clearFaults();
		String forged = "{\"id\":\"evt_forged1\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
				+ "\"api_version\":\"2026-07-29.dahlia\",\"created\":1,\"data\":{\"object\":{\"id\":\"" + id + "\"}}}";
		long t = Instant.now().getEpochSecond();
		for (String signature : new String[] { null, "t=" + t + ",v1=deadbeef", "garbage" }) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/stripe/webhook"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(forged));
			if (signature != null) {
				request.header("Stripe-Signature", signature);
			}
			assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
		}
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(100));
	}

	@Test
	void stripeFaultsAreAClearErrorAndCreateNothing() throws Exception {
		customers.ensureCustomer(org.id());
		String customer = customers.customerOf(org.id()).orElseThrow();
		backend.emulator().injectFault(new Fault("POST", "/v1/checkout/sessions", Fault.Kind.SERVER_ERROR, 50, null));
		JsonNode problem = call("POST", "/api/v1/billing/checkout-sessions", "{\"lookupKey\":\"test_pack_1000\"}", 503);
		assertThat(problem.get("code").asString()).isEqualTo("payment_provider_unavailable");
		assertThat(sessionsOf(customer)).isZero();
		backend.emulator().clearFaults();
		backend.emulator().injectFault(new Fault("POST", "/v1/checkout/sessions", Fault.Kind.RATE_LIMIT, 2, null));
		call("POST", "/api/v1/billing/checkout-sessions", "{\"lookupKey\":\"test_pack_1000\"}", 201);
		assertThat(sessionsOf(customer)).as("retried with the same idempotency key: one session").isEqualTo(1);
		JsonNode invalid = call("POST", "/api/v1/billing/checkout-sessions",
				"{\"lookupKey\":\"test_pack_1000\",\"quantity\":9}", 400);
		assertThat(invalid.get("code").asString()).isEqualTo("invalid_request");
		assertThat(call("POST", "/api/v1/billing/checkout-sessions", "{\"lookupKey\":\"nope\"}", 400).get("field")
			.asString()).isEqualTo("lookupKey");
	}

	@Test
	void subscriptionRenewalBillsOverageOnceAndGrantsTheNewAllowance() throws Exception {
		// A customer on a test clock, so the renewal can be driven.
		String testClock = emulator.testClock(START);
		Customer customer = emulator.customerOn(testClock, org);

		String id = call("POST", "/api/v1/billing/checkout-sessions", "{\"lookupKey\":\"test_team_monthly\"}", 201)
			.get("id")
			.asString();
		emulator.completeCheckout(id, "card_success");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		JsonNode sub = call("GET", "/api/v1/billing/subscription", null, 200).get("subscription");
		assertThat(sub.get("status").asString()).isEqualTo("active");
		assertThat(sub.get("lookupKey").asString()).isEqualTo("test_team_monthly");
		assertThat(ledger.balance(org.id()).available()).as("free 100 + allowance 15,000").isEqualTo(Credits.of(15100));
		assertThat(ledger.balance(org.id()).overageAllowed()).isTrue();
		assertThat(call("POST", "/api/v1/billing/checkout-sessions", "{\"lookupKey\":\"test_team_monthly\"}", 409)
			.get("code")
			.asString()).isEqualTo("already_subscribed");

		// An outcome charged in the period (100 SPU), then usage beyond the allowance:
		// alerts at 70/90/100 %,
		// then 500 SPU overage.
		memberships.add(org.id(), "olga-" + org.id().value() + "@billing.test", Role.OWNER);
		outcomes.propose(org.id(), new OutcomeCandidate("report-1", "report", "Report 1", null, null), null);
		outcomes.approve(org.id(), "report-1", new Actor("olga", "olga-" + org.id().value() + "@billing.test"), null);
		outcomes.sweep();
		assertThat(outcomes.find(org.id(), "report-1").orElseThrow().status()).isEqualTo(OutcomeStatus.BILLED);
		for (int i = 0; i < 4; i++) {
			call("POST", "/api/v1/usage", "{\"events\":[{\"idempotencyKey\":\"u" + i
					+ "\",\"meter\":\"page\",\"quantity\":" + (i < 3 ? 4000 : 3500) + "}]}", 200);
		}
		JsonNode alerts = call("GET", "/api/v1/alerts", null, 200);
		List<Integer> thresholds = new ArrayList<>();
		alerts.get("alerts").forEach(a -> thresholds.add(a.get("threshold").asInt()));
		assertThat(thresholds).contains(70, 90, 100);
		assertThat(ledger.balance(org.id()).overageInPeriod()).isEqualTo(Credits.of(500));

		// Renewal: stop inside the draft window so invoice.created can attach the
		// overage.
		Instant periodEnd = Instant.parse(sub.get("currentPeriodEnd").asString());
		Instant renewal = periodEnd.plusSeconds(60);
		clock.set(renewal);
		// Stripe fails twice while the overage line is attached: retried with the same
		// key, one line.
		backend.emulator().injectFault(new Fault("POST", "/v1/invoiceitems", Fault.Kind.SERVER_ERROR, 2, null));
		emulator.form("/v1/test_helpers/test_clocks/" + testClock + "/advance",
				"frozen_time=" + renewal.getEpochSecond());
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(30));
		clock.set(renewal.plus(Duration.ofHours(2)));
		emulator.form("/v1/test_helpers/test_clocks/" + testClock + "/advance",
				"frozen_time=" + renewal.plus(Duration.ofHours(2)).getEpochSecond());
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(30));

		var invoices = stripe.v1()
			.invoices()
			.list(com.stripe.param.InvoiceListParams.builder().setCustomer(customer.getId()).build())
			.getData();
		var cycle = invoices.stream().filter(i -> "subscription_cycle".equals(i.getBillingReason())).toList();
		assertThat(cycle).hasSize(1);
		assertThat(cycle.get(0).getStatus()).isEqualTo("paid");
		List<InvoiceLineItem> overageLines = stripe.v1()
			.invoices()
			.lineItems()
			.list(cycle.get(0).getId())
			.getData()
			.stream()
			.filter(l -> l.getDescription() != null && l.getDescription().startsWith("Overage"))
			.toList();
		assertThat(overageLines).as("exactly one overage line").hasSize(1);
		assertThat(overageLines.get(0).getAmount()).as("500 SPU × 1 cent").isEqualTo(500L);
		assertThat(overageLines.get(0).getDescription()).endsWith("; outcomes charged in this period: 1 report");
		assertThat(ledger.balance(org.id()).available()).as("the new period's allowance").isEqualTo(Credits.of(15000));

		// Replaying every event changes nothing.
		WebhookProcessor processor = processorForReplay();
		for (JsonNode event : StripeEvents.all(backend, json)) {
			processor.apply(event.get("type").asString(), event.get("data").get("object"));
		}
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(15000));
		assertThat(stripe.v1()
			.invoices()
			.lineItems()
			.list(cycle.get(0).getId())
			.getData()
			.stream()
			.filter(l -> l.getDescription() != null && l.getDescription().startsWith("Overage"))
			.count()).isEqualTo(1);
	}

	@Autowired
	WebhookProcessor webhookProcessor;

	private WebhookProcessor processorForReplay() {
		return webhookProcessor;
	}

	private long sessionsOf(String customer) throws Exception {
		return stripe.v1()
			.checkout()
			.sessions()
			.list(SessionListParams.builder().setCustomer(customer).build())
			.getData()
			.size();
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private HttpResponse<String> get(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode call(String method, String path, String body, int expected) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return json.readTree(response.body());
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
