package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.param.InvoiceLineItemListParams;

import dev.billforge.billing.CatalogEntry;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * What a paid invoice is worth in credits. {@code billing_reason} decides:
 * {@code subscription_create} and {@code subscription_cycle} grant the plan allowance of
 * the price on the invoice (grandfathered); {@code subscription_update} (an upgrade with
 * proration) grants only the difference between the new and the old price's allowance;
 * anything else grants nothing. Granted under {@code invoice:<id>}, expiring at the end
 * of the period the invoice pays for. A trial's zero-amount line grants nothing (trial
 * credits are granted apart, see {@link TrialEffects}).
 */
@Component
class InvoiceEffects {

	private static final Logger log = LoggerFactory.getLogger(InvoiceEffects.class);

	private final StripeClient stripe;

	private final CreditLedger ledger;

	private final CustomerDirectory customers;

	private final SubscriptionSync subscriptions;

	private final Map<String, Optional<CatalogEntry>> prices = new ConcurrentHashMap<>();

	private final DuplicateSubscriptions duplicates;

	InvoiceEffects(StripeClient stripe, CreditLedger ledger, CustomerDirectory customers,
			SubscriptionSync subscriptions, DuplicateSubscriptions duplicates) {
		this.duplicates = duplicates;
		this.stripe = stripe;
		this.ledger = ledger;
		this.customers = customers;
		this.subscriptions = subscriptions;
	}

	/**
	 * Applies a paid invoice (re-read from Stripe); a no-op unless it is paid, and the
	 * second time.
	 */
	void applyPaid(String invoiceId) throws StripeException {
		Invoice invoice = stripe.v1().invoices().retrieve(invoiceId);
		if (!"paid".equals(invoice.getStatus())) {
			return;
		}
		Optional<OrgId> org = customers.orgOf(invoice.getCustomer());
		if (org.isEmpty()) {
			return;
		}
		String subscription = subscriptionOf(invoice);
		String reason = invoice.getBillingReason() == null ? "" : invoice.getBillingReason();
		// The second of two subscriptions bought at once is cancelled and refunded, and
		// earns nothing.
		boolean duplicate = subscription != null && "subscription_create".equals(reason)
				&& duplicates.settle(subscription);
		if (subscription != null) {
			subscriptions.sync(subscription); // a paid invoice may end past_due; state
												// before credits
		}
		if (duplicate) {
			return;
		}
		BigDecimal credits = BigDecimal.ZERO;
		long expires = 0;
		for (InvoiceLineItem line : stripe.v1()
			.invoices()
			.lineItems()
			.list(invoiceId, InvoiceLineItemListParams.builder().setLimit(100L).build())
			.autoPagingIterable()) {
			Optional<CatalogEntry> plan = planOf(line);
			if (plan.isEmpty() || plan.get().includedCredits() == null) {
				continue;
			}
			BigDecimal allowance = plan.get()
				.includedCredits()
				.amount()
				.multiply(BigDecimal.valueOf(line.getQuantity() == null ? 1 : line.getQuantity()));
			boolean proration = line.getParent() != null && line.getParent().getInvoiceItemDetails() != null;
			switch (reason) {
				case "subscription_create", "subscription_cycle" -> {
					// A trial's line costs nothing although its price does: the allowance
					// comes with the first paid
					// invoice after the trial. A discount never lowers the line amount
					// (it is listed apart), so a
					// discounted, even free, invoice still grants the full allowance.
					boolean trial = line.getAmount() != null && line.getAmount() == 0 && plan.get().unitAmount() > 0;
					if (!proration && !trial && line.getAmount() != null && line.getAmount() >= 0) {
						credits = credits.add(allowance);
						expires = Math.max(expires, line.getPeriod().getEnd());
					}
				}
				case "subscription_update" -> {
					// Upgrade: +new allowance on the "remaining time" line, -old on the
					// "unused time" line.
					credits = line.getAmount() != null && line.getAmount() < 0 ? credits.subtract(allowance)
							: credits.add(allowance);
					if (line.getAmount() != null && line.getAmount() >= 0) {
						expires = Math.max(expires, line.getPeriod().getEnd());
					}
				}
				default -> {
				}
			}
		}
		if (credits.signum() <= 0 || expires == 0) {
			log.debug("Invoice {} ({}) grants no credits", invoiceId, reason);
			return;
		}
		ledger.grant(org.get(),
				new GrantRequest("invoice:" + invoiceId, GrantSource.PLAN_ALLOWANCE, new Credits(credits), null,
						Instant.ofEpochSecond(expires), "Plan allowance (" + reason + ")", invoiceId));
	}

	/**
	 * The redirect path of a subscription Checkout: apply the first invoice if it is
	 * already paid.
	 */
	void applyLatestPaidInvoice(String subscriptionId) {
		try {
			Subscription sub = stripe.v1().subscriptions().retrieve(subscriptionId);
			if (sub.getLatestInvoice() != null) {
				applyPaid(sub.getLatestInvoice());
			}
		}
		catch (StripeException ex) {
			throw new IllegalStateException("cannot read the latest invoice of " + subscriptionId, ex);
		}
	}

	static String subscriptionOf(Invoice invoice) {
		if (invoice.getParent() != null && invoice.getParent().getSubscriptionDetails() != null) {
			return invoice.getParent().getSubscriptionDetails().getSubscription();
		}
		return null;
	}

	private Optional<CatalogEntry> planOf(InvoiceLineItem line) throws StripeException {
		if (line.getPricing() == null || line.getPricing().getPriceDetails() == null
				|| line.getPricing().getPriceDetails().getPrice() == null) {
			return Optional.empty();
		}
		String priceId = line.getPricing().getPriceDetails().getPrice();
		Optional<CatalogEntry> cached = prices.get(priceId);
		if (cached != null) {
			return cached;
		}
		Price price = stripe.v1().prices().retrieve(priceId);
		Optional<CatalogEntry> entry = CatalogService.fromPrice(price, null)
			.filter(e -> e.kind() == CatalogEntry.Kind.PLAN);
		prices.put(priceId, entry);
		return entry;
	}

}
