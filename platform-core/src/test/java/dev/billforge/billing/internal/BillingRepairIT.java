package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.stripe.StripeClient;
import com.stripe.model.Invoice;
import com.stripe.model.Refund;
import com.stripe.model.Subscription;
import com.stripe.model.WebhookEndpoint;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoiceRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.WebhookEndpointUpdateParams;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.valuemetric.Credits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Money Stripe took is never lost on the credit side: a paid pack whose webhook and
 * return were both lost is granted by reconciliation (once), a refund that fails gives
 * back the credits it took, and two plans bought at once end as one subscription and one
 * charge.
 */
@BillingIntegrationTest(properties = "billforge.notifications.dispatch-interval=PT1H")
class BillingRepairIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	StripeClient stripe;

	@Autowired
	StripeBackend backend;

	@Autowired
	EmulatorSteps emulator;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	Reconciler reconciler;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private Org org;

	private String key;

	@BeforeEach
	void org() {
		org = orgs.create("Acme " + System.nanoTime(), ZoneId.of("UTC"));
		key = orgs.createApiKey(org.id(), "test").key();
	}

	@Test
	void aPaidPackWhoseWebhookAndReturnWereLostIsGrantedByReconciliationOnce() throws Exception {
		String session = buyPack();
		setWebhooksDisabled(true);
		try {
			emulator.completeCheckout(session, "card_success");
			assertThat(ledger.balance(org.id()).available()).as("nothing told Billforge").isEqualTo(Credits.of(100));

			assertThat(reconciler.run().packsRepaired()).isGreaterThanOrEqualTo(1);
			assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(1100));
			reconciler.run();
			assertThat(ledger.balance(org.id()).available()).as("idempotent by session id").isEqualTo(Credits.of(1100));
		}
		finally {
			setWebhooksDisabled(false);
		}
		// The lost events finally arriving change nothing either.
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(1100));
	}

	@Test
	void aRefundThatFailsGivesBackTheCreditsItTook() throws Exception {
		String id = buyPack();
		emulator.completeCheckout(id, "card_success");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(1100));
		Session session = stripe.v1().checkout().sessions().retrieve(id);
		Refund refund = stripe.v1()
			.refunds()
			.create(RefundCreateParams.builder().setPaymentIntent(session.getPaymentIntent()).setAmount(250L).build());
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).as("a quarter refunded").isEqualTo(Credits.of(850));

		emulator.form("/v1/test_helpers/refunds/" + refund.getId() + "/fail", "");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).as("the refund failed: credits back")
			.isEqualTo(Credits.of(1100));

		// A later full refund of what is still paid takes the whole pack, once.
		stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(session.getPaymentIntent()).build());
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(20));
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(100));
	}

	@Test
	void twoPlanCheckoutsCompletedTogetherLeaveOneSubscriptionAndOneCharge() throws Exception {
		// Both sessions are opened before either completes, so the already_subscribed
		// check passes twice.
		String first = call("/api/v1/billing/checkout-sessions", "{\"lookupKey\":\"test_individual_monthly\"}")
			.get("id")
			.asString();
		String second = call("/api/v1/billing/checkout-sessions", "{\"lookupKey\":\"test_individual_monthly\"}")
			.get("id")
			.asString();
		emulator.completeCheckout(first, "card_success");
		emulator.completeCheckout(second, "card_success");
		backend.emulator().awaitWebhookDeliveries(Duration.ofSeconds(30));

		// The one created first is kept (same second: the smaller id), whatever order the
		// events came in.
		List<Subscription> subs = new java.util.ArrayList<>(List.of(
				stripe.v1()
					.subscriptions()
					.retrieve(stripe.v1().checkout().sessions().retrieve(first).getSubscription()),
				stripe.v1()
					.subscriptions()
					.retrieve(stripe.v1().checkout().sessions().retrieve(second).getSubscription())));
		subs.sort(java.util.Comparator.comparing(Subscription::getCreated).thenComparing(Subscription::getId));
		assertThat(subs.get(0).getStatus()).isEqualTo("active");
		assertThat(subs.get(1).getStatus()).isEqualTo("canceled");
		Invoice paid = stripe.v1()
			.invoices()
			.retrieve(subs.get(1).getLatestInvoice(), InvoiceRetrieveParams.builder().addExpand("payments").build());
		String intent = paid.getPayments().getData().get(0).getPayment().getPaymentIntent();
		List<Refund> refunds = stripe.v1()
			.refunds()
			.list(RefundListParams.builder().setPaymentIntent(intent).build())
			.getData();
		assertThat(refunds).singleElement().satisfies(r -> assertThat(r.getAmount()).isEqualTo(1900L));
		// One allowance (2,000) on top of the free tier, never two.
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(2100));

		// Reconciliation and a repeated finalization change nothing.
		reconciler.run();
		assertThat(ledger.balance(org.id()).available()).isEqualTo(Credits.of(2100));
		assertThat(stripe.v1().refunds().list(RefundListParams.builder().setPaymentIntent(intent).build()).getData())
			.hasSize(1);
	}

	private String buyPack() throws Exception {
		return call("/api/v1/billing/checkout-sessions", "{\"lookupKey\":\"test_pack_1000\",\"quantity\":1}").get("id")
			.asString();
	}

	private void setWebhooksDisabled(boolean disabled) throws Exception {
		for (WebhookEndpoint endpoint : stripe.v1().webhookEndpoints().list().getData()) {
			stripe.v1()
				.webhookEndpoints()
				.update(endpoint.getId(), WebhookEndpointUpdateParams.builder().setDisabled(disabled).build());
		}
	}

	private JsonNode call(String path, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body());
	}

}
