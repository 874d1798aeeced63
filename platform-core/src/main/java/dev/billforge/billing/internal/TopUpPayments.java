package dev.billforge.billing.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodListParams;

/**
 * The Stripe side of an auto top-up: the customer's saved card (the default payment
 * method, else the newest card attached — one saved by a pack Checkout with
 * {@code setup_future_usage=off_session}, a subscription's or one added in the Portal)
 * and one off-session PaymentIntent per purchase, under the purchase's idempotency key so
 * a retry after a crash or timeout is the same payment.
 */
@Component
class TopUpPayments {

	/**
	 * How a payment attempt ended; {@code failureCode} is Stripe's error code when it
	 * failed.
	 */
	record Attempt(Status status, String paymentIntentId, String failureCode) {

		enum Status {

			SUCCEEDED, FAILED, PENDING

		}

	}

	/** What to charge for one purchase. */
	record Charge(String purchaseId, String orgId, String customer, long amount, String currency, String lookupKey,
			String credits, String productTag) {
	}

	static final String KIND = "auto_top_up";

	private final StripeClient stripe;

	TopUpPayments(StripeClient stripe) {
		this.stripe = stripe;
	}

	Optional<String> savedCard(String customer) throws StripeException {
		Customer c = stripe.v1().customers().retrieve(customer);
		if (c.getInvoiceSettings() != null && c.getInvoiceSettings().getDefaultPaymentMethod() != null) {
			return Optional.of(c.getInvoiceSettings().getDefaultPaymentMethod());
		}
		for (PaymentMethod pm : stripe.v1()
			.paymentMethods()
			.list(PaymentMethodListParams.builder()
				.setCustomer(customer)
				.setType(PaymentMethodListParams.Type.CARD)
				.setLimit(1L)
				.build())
			.getData()) {
			return Optional.of(pm.getId());
		}
		return Optional.empty();
	}

	/**
	 * Charges the saved card off session. A decline or a card that needs authentication
	 * is a {@code FAILED} attempt; transient faults are thrown (the purchase stays
	 * pending and is resumed with the same key).
	 */
	Attempt charge(Charge charge, String paymentMethod) throws StripeException {
		PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
			.setAmount(charge.amount())
			.setCurrency(charge.currency())
			.setCustomer(charge.customer())
			.setPaymentMethod(paymentMethod)
			.setOffSession(true)
			.setConfirm(true)
			.setDescription("Auto top-up " + charge.lookupKey())
			.putMetadata("org_id", charge.orgId())
			.putMetadata("product", charge.productTag())
			.putMetadata("kind", KIND)
			.putMetadata("purchase", charge.purchaseId())
			.putMetadata("lookup_key", charge.lookupKey())
			.putMetadata("credits", charge.credits())
			.build();
		RequestOptions options = RequestOptions.builder()
			.setIdempotencyKey("auto-top-up:" + charge.purchaseId())
			.build();
		try {
			PaymentIntent pi = StripeRetry.withRetries(() -> stripe.v1().paymentIntents().create(params, options));
			return switch (pi.getStatus()) {
				case "succeeded" -> new Attempt(Attempt.Status.SUCCEEDED, pi.getId(), null);
				case "requires_action", "requires_payment_method" -> new Attempt(Attempt.Status.FAILED, pi.getId(),
						"requires_action".equals(pi.getStatus()) ? "authentication_required" : "card_declined");
				default -> new Attempt(Attempt.Status.PENDING, pi.getId(), null);
			};
		}
		catch (CardException ex) {
			PaymentIntent pi = ex.getStripeError() == null ? null : ex.getStripeError().getPaymentIntent();
			return new Attempt(Attempt.Status.FAILED, pi == null ? null : pi.getId(),
					ex.getCode() == null ? "card_declined" : ex.getCode());
		}
	}

}
