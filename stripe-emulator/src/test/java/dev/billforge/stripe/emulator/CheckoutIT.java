package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckoutIT {

	private static final String SUCCESS = "https://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}";

	private static final String CANCEL = "https://app.test/billing";

	private Emu emu;

	private WebhookReceiver receiver;

	private String secret;

	private Catalog catalog;

	@BeforeEach
	void start() {
		start(EmulatorConfig.builder());
	}

	private void start(EmulatorConfig.Builder config) {
		emu = Emu.start(config);
		receiver = new WebhookReceiver();
		secret = emu.emulator.registerWebhookEndpoint(receiver.url()).secret();
		catalog = new Catalog(emu.stripe);
	}

	@AfterEach
	void stop() {
		emu.close();
		receiver.close();
	}

	private Session session(SessionCreateParams.Mode mode, Customer customer, Price price) throws Exception {
		SessionCreateParams.Builder b = SessionCreateParams.builder()
			.setMode(mode)
			.setSuccessUrl(SUCCESS)
			.setCancelUrl(CANCEL)
			.setClientReferenceId("org_1")
			.putMetadata("org_id", "org_1")
			.addLineItem(SessionCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build());
		if (customer != null) {
			b.setCustomer(customer.getId());
		}
		if (mode == SessionCreateParams.Mode.SUBSCRIPTION) {
			b.setSubscriptionData(
					SessionCreateParams.SubscriptionData.builder().putMetadata("org_id", "org_1").build());
		}
		return emu.stripe.v1().checkout().sessions().create(b.build());
	}

	@Test
	void subscriptionCheckoutOnTheHostedPageActivatesTheSubscriptionAndSendsSignedEvents() throws Exception {
		Price price = catalog.monthly(catalog.product("Pro"), 2000);
		Customer customer = catalog.customer("owner@example.com", null);
		Session session = session(SessionCreateParams.Mode.SUBSCRIPTION, customer, price);
		assertThat(session.getUrl()).startsWith(emu.emulator.publicBaseUrl() + "/checkout/cs_test_");
		assertThat(session.getStatus()).isEqualTo("open");

		String page = emu.get(session.getUrl()).body();
		assertThat(page).contains("TEST MODE — payments are simulated").contains("$20.00");
		HttpResponse<String> paid = emu.postForm(session.getUrl() + "/pay", Map.of("method", "card_success"));

		assertThat(paid.statusCode()).isEqualTo(303);
		assertThat(paid.headers().firstValue("Location"))
			.hasValue("https://app.test/billing/success?session_id=" + session.getId());
		Session done = emu.stripe.v1()
			.checkout()
			.sessions()
			.retrieve(session.getId(), SessionRetrieveParams.builder().addExpand("line_items").build());
		assertThat(done.getStatus()).isEqualTo("complete");
		assertThat(done.getPaymentStatus()).isEqualTo("paid");
		assertThat(done.getLineItems().getData()).singleElement()
			.satisfies(li -> assertThat(li.getPrice().getId()).isEqualTo(price.getId()));
		Subscription sub = emu.stripe.v1().subscriptions().retrieve(done.getSubscription());
		assertThat(sub.getStatus()).isEqualTo("active");
		assertThat(sub.getMetadata()).containsEntry("org_id", "org_1");
		Invoice invoice = emu.stripe.v1().invoices().retrieve(sub.getLatestInvoice());
		assertThat(invoice.getStatus()).isEqualTo("paid");
		assertThat(invoice.getBillingReason()).isEqualTo("subscription_create");
		assertThat(invoice.getAmountPaid()).isEqualTo(2000L);
		assertThat(invoice.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(sub.getId());

		Event completed = receiver.awaitType(secret, "checkout.session.completed");
		Session snapshot = (Session) completed.getDataObjectDeserializer().getObject().orElseThrow();
		assertThat(snapshot.getClientReferenceId()).isEqualTo("org_1");
		assertThat(snapshot.getSubscription()).isEqualTo(sub.getId());
		receiver.awaitType(secret, "customer.subscription.created");
		Event invoicePaid = receiver.awaitType(secret, "invoice.paid");
		assertThat(((Invoice) invoicePaid.getDataObjectDeserializer().getObject().orElseThrow()).getId())
			.isEqualTo(invoice.getId());
		assertThat(completed.getApiVersion()).isEqualTo("2026-07-29.dahlia");
	}

	@Test
	void declinedCardLeavesTheSessionOpenAndCancelReturnsToTheCancelUrl() throws Exception {
		Price price = catalog.monthly(catalog.product("Pro"), 2000);
		Session session = session(SessionCreateParams.Mode.SUBSCRIPTION, null, price);

		HttpResponse<String> declined = emu.postForm(session.getUrl() + "/pay",
				Map.of("method", "card_decline", "email", "new@example.com"));

		assertThat(declined.statusCode()).isEqualTo(402);
		assertThat(declined.body()).contains("Your card was declined.").contains("TEST MODE");
		Session still = emu.stripe.v1().checkout().sessions().retrieve(session.getId());
		assertThat(still.getStatus()).isEqualTo("open");
		assertThat(still.getSubscription()).isNull();
		HttpResponse<String> canceled = emu.postForm(session.getUrl() + "/cancel", Map.of());
		assertThat(canceled.statusCode()).isEqualTo(303);
		assertThat(canceled.headers().firstValue("Location")).hasValue(CANCEL);
	}

	@Test
	void brandingSettingsAreKeptOnTheSessionAndShownOnTheHostedPage() throws Exception {
		Price pack = catalog.oneTime(catalog.product("Credit pack"), 900, "usd");
		SessionCreateParams.Builder b = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setSuccessUrl(SUCCESS)
			.setCancelUrl(CANCEL)
			.addLineItem(SessionCreateParams.LineItem.builder().setPrice(pack.getId()).setQuantity(1L).build())
			.setBrandingSettings(SessionCreateParams.BrandingSettings.builder()
				.setDisplayName("Acme <Docs>")
				.setButtonColor("#0F766E")
				.setBackgroundColor("#FFFFFF")
				.build());
		Session session = emu.stripe.v1().checkout().sessions().create(b.build());

		assertThat(session.getBrandingSettings().getDisplayName()).isEqualTo("Acme <Docs>");
		assertThat(session.getBrandingSettings().getButtonColor()).isEqualTo("#0F766E");
		String page = emu.get(session.getUrl()).body();
		assertThat(page).contains("Acme &lt;Docs&gt;").contains("background:#0F766E");

		var refused = emu.api("POST", "/v1/checkout/sessions",
				"mode=payment&success_url=https%3A%2F%2Fa.test" + "&line_items[0][price]=" + pack.getId()
						+ "&line_items[0][quantity]=1" + "&branding_settings[button_color]=red");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("branding_settings[button_color]");
	}

	@Test
	void checkoutWithoutCustomerCreatesOneFromTheEnteredEmail() throws Exception {
		Price price = catalog.monthly(catalog.product("Pro"), 2000);
		Session session = session(SessionCreateParams.Mode.SUBSCRIPTION, null, price);

		emu.postForm(session.getUrl() + "/pay", Map.of("method", "card_success", "email", "new@example.com"));

		Session done = emu.stripe.v1().checkout().sessions().retrieve(session.getId());
		Customer created = emu.stripe.v1().customers().retrieve(done.getCustomer());
		assertThat(created.getEmail()).isEqualTo("new@example.com");
		assertThat(done.getCustomerDetails().getEmail()).isEqualTo("new@example.com");
	}

	@Test
	void delayedMethodInPaymentModeCompletesUnpaidThenSucceedsAsynchronously() throws Exception {
		Price pack = catalog.oneTime(catalog.product("Credit pack"), 900, "usd");
		Customer customer = catalog.customer("owner@example.com", null);
		Session session = session(SessionCreateParams.Mode.PAYMENT, customer, pack);

		emu.postForm(session.getUrl() + "/pay", Map.of("method", "delayed_success"));
		Session pending = emu.stripe.v1().checkout().sessions().retrieve(session.getId());
		assertThat(pending.getStatus()).isEqualTo("complete");
		assertThat(pending.getPaymentStatus()).isEqualTo("unpaid");
		receiver.awaitType(secret, "checkout.session.completed");

		var settled = emu.api("POST", "/v1/test_helpers/checkout/sessions/" + session.getId() + "/settle", "");
		assertThat(settled.statusCode()).isEqualTo(200);

		Event succeeded = receiver.awaitType(secret, "checkout.session.async_payment_succeeded");
		assertThat(((Session) succeeded.getDataObjectDeserializer().getObject().orElseThrow()).getPaymentStatus())
			.isEqualTo("paid");
		PaymentIntent pi = emu.stripe.v1().paymentIntents().retrieve(pending.getPaymentIntent());
		assertThat(pi.getStatus()).isEqualTo("succeeded");
		assertThat(emu.stripe.v1().charges().retrieve(pi.getLatestCharge()).getAmount()).isEqualTo(900L);
	}

	@Test
	void delayedFailureSettlesByItselfWhenTheSettlementDelayHasPassed() throws Exception {
		stop();
		start(EmulatorConfig.builder().asyncSettlementDelay(Duration.ZERO).tickInterval(Duration.ofMillis(50)));
		Price pack = catalog.oneTime(catalog.product("Credit pack"), 900, "usd");
		Session session = session(SessionCreateParams.Mode.PAYMENT, catalog.customer("o@example.com", null), pack);

		emu.postForm(session.getUrl() + "/pay", Map.of("method", "delayed_failure"));

		Event failed = receiver.awaitType(secret, "checkout.session.async_payment_failed");
		assertThat(((Session) failed.getDataObjectDeserializer().getObject().orElseThrow()).getPaymentStatus())
			.isEqualTo("unpaid");
	}

	@Test
	void expiringAnOpenSessionEmitsExpired() throws Exception {
		Price pack = catalog.oneTime(catalog.product("Credit pack"), 900, "usd");
		Session session = session(SessionCreateParams.Mode.PAYMENT, null, pack);

		Session expired = emu.stripe.v1().checkout().sessions().expire(session.getId());

		assertThat(expired.getStatus()).isEqualTo("expired");
		receiver.awaitType(secret, "checkout.session.expired");
		assertThat(emu.get(session.getUrl()).body()).doesNotContain("name=\"method\"");
	}

}
