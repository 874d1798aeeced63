package dev.billforge.billing.internal;

import java.util.HashSet;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.checkout.SessionListParams;

/**
 * Compares the local mirror with Stripe and repairs drift: subscriptions the mirror lacks
 * (missed events) or whose status differs are synced again, a live subscription's paid
 * latest invoice is applied (a no-op if it was), paid pack Checkout sessions whose pack
 * was never granted are finalized (idempotent by session id: the ledger key
 * {@code checkout:<cs_id>}), and past_due grace is re-evaluated. Events that keep failing
 * are reported.
 */
@Component
class Reconciler {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	/** What a run found and repaired. */
	record Report(int customers, int subscriptions, int drifted, int packsRepaired, int failedEvents) {
	}

	private final StripeClient stripe;

	private final SubscriptionSync subscriptions;

	private final InvoiceEffects invoices;

	private final CheckoutFinalizer checkouts;

	private final MongoCollection<Document> customers;

	private final MongoCollection<Document> events;

	Reconciler(StripeClient stripe, SubscriptionSync subscriptions, InvoiceEffects invoices,
			CheckoutFinalizer checkouts, MongoTemplate mongo) {
		this.stripe = stripe;
		this.checkouts = checkouts;
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.customers = mongo.getCollection(BillingCollections.CUSTOMERS);
		this.events = mongo.getCollection(BillingCollections.EVENTS);
	}

	Report run() {
		int customerCount = 0;
		int subCount = 0;
		int drifted = 0;
		int packsRepaired = 0;
		Set<String> seen = new HashSet<>();
		for (Document customer : customers.find()) {
			customerCount++;
			try {
				for (Subscription sub : stripe.v1()
					.subscriptions()
					.list(SubscriptionListParams.builder()
						.setCustomer(customer.getString("customerId"))
						.setStatus(SubscriptionListParams.Status.ALL)
						.setLimit(100L)
						.build())
					.autoPagingIterable()) {
					subCount++;
					seen.add(sub.getId());
					String local = subscriptions.mirrored(sub.getId()).map(d -> d.getString("status")).orElse(null);
					if (!sub.getStatus().equals(local)) {
						drifted++;
						log.warn("Subscription {} drifted (local {}, Stripe {}); repairing", sub.getId(), local,
								sub.getStatus());
					}
					subscriptions.sync(sub.getId());
					if (SubscriptionSync.LIVE.contains(sub.getStatus()) && sub.getLatestInvoice() != null) {
						invoices.applyPaid(sub.getLatestInvoice());
					}
				}
				packsRepaired += repairPacks(customer.getString("customerId"));
			}
			catch (StripeException | RuntimeException ex) {
				log.warn("Reconciling customer {} failed; next run retries: {}", customer.getString("customerId"),
						ex.getMessage());
			}
		}
		int failed = (int) events.countDocuments(Filters.eq("status", "failed"));
		if (failed > 0) {
			log.warn("{} Stripe event(s) failed processing and await Stripe's retry", failed);
		}
		dev.billforge.common.BillforgeMetrics.driftFound("stripe_subscription", drifted);
		dev.billforge.common.BillforgeMetrics.driftFound("stripe_pack", packsRepaired);
		return new Report(customerCount, subCount, drifted, packsRepaired, failed);
	}

	/**
	 * Paid pack sessions without the record their grant writes (both webhook and return
	 * were lost): finalize them now. Finalizing is idempotent by session id, so a pack
	 * granted without its record is not granted twice.
	 */
	private int repairPacks(String customerId) throws StripeException {
		int repaired = 0;
		for (Session session : stripe.v1()
			.checkout()
			.sessions()
			.list(SessionListParams.builder()
				.setCustomer(customerId)
				.setStatus(SessionListParams.Status.COMPLETE)
				.setLimit(100L)
				.build())
			.autoPagingIterable()) {
			if ("payment".equals(session.getMode()) && "paid".equals(session.getPaymentStatus())
					&& (session.getPaymentIntent() == null || checkouts.payment(session.getPaymentIntent()).isEmpty())
					&& checkouts.finalizeSession(session.getId()) == CheckoutFinalizer.Outcome.PACK_GRANTED) {
				log.warn("Paid Checkout session {} had no pack grant record; finalized by reconciliation",
						session.getId());
				repaired++;
			}
		}
		return repaired;
	}

}
