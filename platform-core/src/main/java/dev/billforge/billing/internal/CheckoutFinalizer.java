package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;

import dev.billforge.common.ProductProperties;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantReceipt;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * Finalizes a Checkout session by id — the one function behind both the success redirect
 * and the {@code checkout.session.*} webhooks, so whichever comes first applies it and
 * the other is a no-op. It reads the session from Stripe (never the caller's word): a
 * pack is granted only when {@code payment_status=paid}, under the ledger key
 * {@code checkout:<session id>}.
 */
@Component
class CheckoutFinalizer {

	private static final Logger log = LoggerFactory.getLogger(CheckoutFinalizer.class);

	/** What finalizing did, for the success page. */
	enum Outcome {

		PACK_GRANTED, PAYMENT_PENDING, SUBSCRIPTION_SYNCED, NOT_COMPLETE, NOT_OURS

	}

	private final StripeClient stripe;

	private final CreditLedger ledger;

	private final SubscriptionSync subscriptions;

	private final InvoiceEffects invoices;

	private final MongoCollection<Document> effects;

	private final String tag;

	private final CustomerDirectory customers;

	private final DuplicateSubscriptions duplicates;

	CheckoutFinalizer(StripeClient stripe, CreditLedger ledger, SubscriptionSync subscriptions, InvoiceEffects invoices,
			MongoTemplate mongo, ProductProperties product, CustomerDirectory customers,
			DuplicateSubscriptions duplicates) {
		this.duplicates = duplicates;
		this.customers = customers;
		this.stripe = stripe;
		this.ledger = ledger;
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.effects = mongo.getCollection(BillingCollections.EFFECTS);
		this.tag = product.getTag();
	}

	Outcome finalizeSession(String sessionId) {
		Session session;
		try {
			session = stripe.v1().checkout().sessions().retrieve(sessionId);
		}
		catch (StripeException ex) {
			if (StripeFailures.transientFault(ex)) {
				throw new IllegalStateException("Stripe unavailable while finalizing " + sessionId, ex);
			}
			log.warn("Checkout session {} not found: {}", sessionId, ex.getMessage());
			return Outcome.NOT_OURS;
		}
		var metadata = session.getMetadata();
		if (metadata == null || !tag.equals(metadata.get("product")) || !OrgId.isWellFormed(metadata.get("org_id"))) {
			return Outcome.NOT_OURS;
		}
		// The customer mapping is the source of truth for whose account it is (as for
		// invoices); the
		// session's metadata is the fallback for a session without a customer.
		OrgId org = customers.orgOf(session.getCustomer()).orElse(new OrgId(metadata.get("org_id")));
		if (!"complete".equals(session.getStatus())) {
			return Outcome.NOT_COMPLETE;
		}
		customers.fixCurrency(org, session.getCurrency());
		if ("subscription".equals(session.getMode())) {
			if (session.getSubscription() != null) {
				boolean duplicate = settleDuplicate(session.getSubscription());
				subscriptions.sync(session.getSubscription());
				if (!duplicate) {
					invoices.applyLatestPaidInvoice(session.getSubscription());
				}
			}
			return Outcome.SUBSCRIPTION_SYNCED;
		}
		if (!"paid".equals(session.getPaymentStatus())) {
			return Outcome.PAYMENT_PENDING;
		}
		Credits credits = new Credits(new BigDecimal(metadata.get("credits")));
		GrantReceipt receipt = ledger.grant(org,
				new GrantRequest("checkout:" + session.getId(), GrantSource.PACK, credits, null, null,
						FeatureResolver.PACK_REASON + metadata.getOrDefault("lookup_key", ""),
						session.getPaymentIntent()));
		if (session.getPaymentIntent() != null) {
			// Refunds arrive per charge / payment intent: remember which grant they take
			// back from.
			CustomerDirectory.insertIgnoringDuplicate(effects,
					new Document("_id", "payment:" + session.getPaymentIntent()).append("orgId", org.value())
						.append("grantId", receipt.grantId())
						.append("credits", credits.toString())
						.append("amount", session.getAmountTotal())
						.append("checkoutSession", session.getId()));
		}
		return Outcome.PACK_GRANTED;
	}

	private boolean settleDuplicate(String subscriptionId) {
		try {
			return duplicates.settle(subscriptionId);
		}
		catch (StripeException ex) {
			throw new IllegalStateException("cannot check " + subscriptionId + " for a duplicate subscription", ex);
		}
	}

	Optional<Document> payment(String paymentIntentId) {
		return Optional.ofNullable(effects.find(new Document("_id", "payment:" + paymentIntentId)).first());
	}

}
