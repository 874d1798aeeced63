package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PaymentMethodListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Off-session PaymentIntents with Stripe's test cards, cards saved by Checkout, and the
 * invoice preview.
 */
class PaymentIntentIT {

	private static PaymentIntentCreateParams offSession(String customer, String pm) {
		return PaymentIntentCreateParams.builder()
			.setAmount(1000L)
			.setCurrency("usd")
			.setCustomer(customer)
			.setPaymentMethod(pm)
			.setOffSession(true)
			.setConfirm(true)
			.putMetadata("kind", "auto_top_up")
			.build();
	}

	private static String attach(Emu emu, String token, String customer) throws Exception {
		return emu.stripe.v1()
			.paymentMethods()
			.attach(token, PaymentMethodAttachParams.builder().setCustomer(customer).build())
			.getId();
	}

	@Test
	void offSessionPaymentsSucceedOrFailLikeStripesTestCards() throws Exception {
		try (Emu emu = Emu.start(); WebhookReceiver receiver = new WebhookReceiver()) {
			String secret = emu.emulator
				.registerWebhookEndpoint(receiver.url(), List.of("payment_intent.succeeded",
						"payment_intent.payment_failed", "payment_intent.requires_action"))
				.secret();
			Customer customer = new Catalog(emu.stripe).customer("pi@example.com", null);
			String visa = attach(emu, "pm_card_visa", customer.getId());

			RequestOptions key = RequestOptions.builder().setIdempotencyKey("top-up-1").build();
			PaymentIntent paid = emu.stripe.v1().paymentIntents().create(offSession(customer.getId(), visa), key);
			assertThat(paid.getStatus()).isEqualTo("succeeded");
			assertThat(paid.getAmountReceived()).isEqualTo(1000L);
			assertThat(paid.getPaymentMethod()).isEqualTo(visa);
			assertThat(emu.stripe.v1().paymentIntents().create(offSession(customer.getId(), visa), key).getId())
				.as("the same key is the same payment")
				.isEqualTo(paid.getId());

			String declining = attach(emu, "pm_card_chargeDeclined", customer.getId());
			assertThatThrownBy(() -> emu.stripe.v1().paymentIntents().create(offSession(customer.getId(), declining)))
				.isInstanceOfSatisfying(CardException.class, e -> {
					assertThat(e.getStatusCode()).isEqualTo(402);
					assertThat(e.getCode()).isEqualTo("card_declined");
					assertThat(e.getDeclineCode()).isEqualTo("generic_decline");
					assertThat(e.getStripeError().getPaymentIntent().getStatus()).isEqualTo("requires_payment_method");
				});

			String threeDs = attach(emu, "pm_card_authenticationRequired", customer.getId());
			assertThatThrownBy(() -> emu.stripe.v1().paymentIntents().create(offSession(customer.getId(), threeDs)))
				.isInstanceOfSatisfying(CardException.class, e -> {
					assertThat(e.getCode()).isEqualTo("authentication_required");
					assertThat(e.getStripeError().getPaymentIntent().getStatus()).isEqualTo("requires_action");
				});

			Customer other = new Catalog(emu.stripe).customer("other@example.com", null);
			assertThatThrownBy(() -> emu.stripe.v1().paymentIntents().create(offSession(other.getId(), visa)))
				.isInstanceOf(InvalidRequestException.class);

			assertThat(emu.emulator.awaitWebhookDeliveries(Duration.ofSeconds(30))).isTrue();
			assertThat(receiver.events(secret)).extracting(Event::getType)
				.containsExactlyInAnyOrder("payment_intent.succeeded", "payment_intent.payment_failed",
						"payment_intent.requires_action");
		}
	}

	@Test
	void aPackCheckoutThatSetsUpFutureUsageSavesTheCardAsTheCustomersDefault() throws Exception {
		try (Emu emu = Emu.start()) {
			Catalog catalog = new Catalog(emu.stripe);
			Price pack = catalog.oneTime(catalog.product("Credit pack"), 1000, "usd");
			Customer customer = catalog.customer("save@example.com", null);
			Session session = emu.stripe.v1()
				.checkout()
				.sessions()
				.create(SessionCreateParams.builder()
					.setMode(SessionCreateParams.Mode.PAYMENT)
					.setSuccessUrl("https://app.test/ok")
					.setCustomer(customer.getId())
					.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
						.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION)
						.build())
					.addLineItem(SessionCreateParams.LineItem.builder().setPrice(pack.getId()).setQuantity(1L).build())
					.build());
			emu.api("POST", "/v1/test_helpers/checkout/sessions/" + session.getId() + "/complete",
					"outcome=card_success");

			List<PaymentMethod> cards = emu.stripe.v1()
				.paymentMethods()
				.list(PaymentMethodListParams.builder()
					.setCustomer(customer.getId())
					.setType(PaymentMethodListParams.Type.CARD)
					.build())
				.getData();
			assertThat(cards).singleElement().satisfies(pm -> assertThat(pm.getCard().getLast4()).isEqualTo("4242"));
			assertThat(emu.stripe.v1()
				.customers()
				.retrieve(customer.getId())
				.getInvoiceSettings()
				.getDefaultPaymentMethod()).isEqualTo(cards.get(0).getId());
			PaymentIntent pi = emu.stripe.v1()
				.paymentIntents()
				.retrieve(emu.stripe.v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent());
			assertThat(pi.getSetupFutureUsage()).isEqualTo("off_session");

			String declining = attach(emu, "pm_card_chargeDeclined", customer.getId());
			emu.stripe.v1()
				.customers()
				.update(customer.getId(), CustomerUpdateParams.builder()
					.setInvoiceSettings(
							CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(declining).build())
					.build());
			assertThat(emu.stripe.v1()
				.customers()
				.retrieve(customer.getId())
				.getInvoiceSettings()
				.getDefaultPaymentMethod()).isEqualTo(declining);
		}
	}

	@Test
	void thePreviewIsTheNextRenewalWithPendingItemsAndNothingIsStored() throws Exception {
		try (Emu emu = Emu.start()) {
			Catalog catalog = new Catalog(emu.stripe);
			Price monthly = catalog.monthly(catalog.product("Team"), 9900);
			Customer customer = catalog.customer("preview@example.com", null);
			Subscription sub = catalog.subscribe(customer, monthly);
			emu.api("POST", "/v1/invoiceitems",
					"customer=" + customer.getId() + "&amount=500&currency=usd" + "&description=Overage");
			long invoicesBefore = emu.stripe.v1().invoices().list().getData().size();

			Invoice preview = emu.stripe.v1()
				.invoices()
				.createPreview(InvoiceCreatePreviewParams.builder()
					.setCustomer(customer.getId())
					.setSubscription(sub.getId())
					.build());
			assertThat(preview.getId()).startsWith("upcoming_in_");
			assertThat(preview.getLines().getData()).extracting(l -> l.getAmount()).containsExactly(9900L, 500L);
			assertThat(preview.getTotal()).isEqualTo(10400L);
			assertThat(preview.getLines().getData().get(0).getPeriod().getStart())
				.isEqualTo(sub.getItems().getData().get(0).getCurrentPeriodEnd());
			assertThat(emu.stripe.v1().invoices().list().getData()).hasSize((int) invoicesBefore);

			emu.stripe.v1()
				.subscriptions()
				.update(sub.getId(), SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build());
			assertThatThrownBy(() -> emu.stripe.v1()
				.invoices()
				.createPreview(InvoiceCreatePreviewParams.builder().setSubscription(sub.getId()).build()))
				.isInstanceOfSatisfying(InvalidRequestException.class,
						e -> assertThat(e.getCode()).isEqualTo("invoice_upcoming_none"));
		}
	}

}
