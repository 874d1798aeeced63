package dev.billforge.billing.internal;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoiceRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionListParams;

/**
 * Two plan Checkout sessions opened before either completed can both complete (the
 * {@code already_subscribed} check runs when a session is created). The rule: a customer
 * has one live subscription — the one created first (then the smaller id), so every
 * instance and every event order decides alike. A newer one is cancelled, its first
 * payment refunded in full, and its allowance never granted. Decided once and remembered
 * ({@code billing_effects} {@code duplicate:<sub_id>}), so a later {@code invoice.paid}
 * of it grants nothing; the cancel and the refund carry idempotency keys.
 */
@Component
class DuplicateSubscriptions {

	private static final Logger log = LoggerFactory.getLogger(DuplicateSubscriptions.class);

	private final StripeClient stripe;

	private final MongoCollection<Document> effects;

	DuplicateSubscriptions(StripeClient stripe, MongoTemplate mongo) {
		this.stripe = stripe;
		this.effects = mongo.getCollection(BillingCollections.EFFECTS);
	}

	/**
	 * True when {@code subscriptionId} is a customer's second live subscription (it is
	 * then settled).
	 */
	boolean settle(String subscriptionId) throws StripeException {
		if (effects.find(Filters.eq("_id", "duplicate:" + subscriptionId)).first() != null) {
			finish(subscriptionId);
			return true;
		}
		Subscription sub = stripe.v1().subscriptions().retrieve(subscriptionId);
		if (!SubscriptionSync.LIVE.contains(sub.getStatus()) || sub.getCustomer() == null) {
			return false;
		}
		Optional<Subscription> first = StreamSupport
			.stream(stripe.v1()
				.subscriptions()
				.list(SubscriptionListParams.builder().setCustomer(sub.getCustomer()).setLimit(100L).build())
				.autoPagingIterable()
				.spliterator(), false)
			.filter(s -> SubscriptionSync.LIVE.contains(s.getStatus()))
			.min(Comparator.comparing(Subscription::getCreated).thenComparing(Subscription::getId));
		if (first.isEmpty() || first.get().getId().equals(subscriptionId)) {
			return false;
		}
		log.warn("Subscription {} duplicates the customer's live subscription {}; cancelling and refunding it",
				subscriptionId, first.get().getId());
		CustomerDirectory.insertIgnoringDuplicate(effects,
				new Document("_id", "duplicate:" + subscriptionId).append("customer", sub.getCustomer())
					.append("kept", first.get().getId()));
		finish(subscriptionId);
		return true;
	}

	/**
	 * Cancels the duplicate and refunds its first invoice's payments; each step safe to
	 * repeat.
	 */
	private void finish(String subscriptionId) throws StripeException {
		Subscription sub = stripe.v1().subscriptions().retrieve(subscriptionId);
		if (!"canceled".equals(sub.getStatus())) {
			stripe.v1()
				.subscriptions()
				.cancel(subscriptionId, SubscriptionCancelParams.builder().build(),
						RequestOptions.builder().setIdempotencyKey("duplicate-cancel:" + subscriptionId).build());
		}
		if (sub.getLatestInvoice() == null) {
			return;
		}
		Invoice invoice = stripe.v1()
			.invoices()
			.retrieve(sub.getLatestInvoice(), InvoiceRetrieveParams.builder().addExpand("payments").build());
		if (!"paid".equals(invoice.getStatus()) || invoice.getPayments() == null) {
			return;
		}
		for (InvoicePayment payment : invoice.getPayments().getData()) {
			String intent = payment.getPayment() == null ? null : payment.getPayment().getPaymentIntent();
			if (intent != null) {
				stripe.v1()
					.refunds()
					.create(RefundCreateParams.builder()
						.setPaymentIntent(intent)
						.setReason(RefundCreateParams.Reason.DUPLICATE)
						.build(), RequestOptions.builder().setIdempotencyKey("duplicate-refund:" + intent).build());
			}
		}
	}

}
