package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.stripe.StripeClient;
import dev.billforge.common.Tracing;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceItemListParams;

import dev.billforge.orgs.OrgId;
import dev.billforge.outcomes.Outcomes;
import dev.billforge.valuemetric.ValueMetric;

/**
 * Bills a closed period's overage: credits × the plan's overage price per credit, rounded
 * half-up to whole minor units of the price's currency (so zero-decimal currencies are
 * right by construction). Attached to the renewal draft on {@code invoice.created}, else
 * (missed) as a pending invoice item swept into the next invoice. Every attempt uses the
 * Idempotency-Key {@code overage:<subscription>:<periodEnd>} and the
 * {@code billing_overage} record is marked {@code billed} afterwards, so a period is
 * never billed twice, also after Stripe's 24-hour key window.
 */
@Component
class OverageBilling {

	private static final Logger log = LoggerFactory.getLogger(OverageBilling.class);

	/**
	 * The job leaves a period to {@code invoice.created} for this long after it closed.
	 */
	static final Duration GRACE_FOR_RENEWAL_INVOICE = Duration.ofHours(2);

	private final StripeClient stripe;

	private final MongoCollection<Document> overage;

	private final SubscriptionSync subscriptions;

	private final CustomerDirectory customers;

	private final ValueMetric metric;

	private final Outcomes outcomes;

	private final Clock clock;

	OverageBilling(StripeClient stripe, MongoTemplate mongo, SubscriptionSync subscriptions,
			CustomerDirectory customers, ValueMetric metric, Outcomes outcomes, Clock clock) {
		this.stripe = stripe;
		this.overage = mongo.getCollection(BillingCollections.OVERAGE);
		this.subscriptions = subscriptions;
		this.customers = customers;
		this.metric = metric;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	/**
	 * {@code invoice.created}: a renewal draft gets the closed period's overage as one
	 * line.
	 */
	void onInvoiceCreated(String invoiceId) throws StripeException {
		Invoice invoice = stripe.v1().invoices().retrieve(invoiceId);
		if (!"subscription_cycle".equals(invoice.getBillingReason()) || !"draft".equals(invoice.getStatus())) {
			return;
		}
		String subscriptionId = InvoiceEffects.subscriptionOf(invoice);
		if (subscriptionId == null) {
			return;
		}
		// Moves the ledger into the new period, which closes the old one and records its
		// overage.
		Optional<OrgId> org = subscriptions.sync(subscriptionId);
		if (org.isEmpty() || invoice.getPeriodEnd() == null) {
			return;
		}
		String id = org.get().value() + ":" + invoice.getPeriodEnd();
		Document record = overage.find(Filters.eq("_id", id)).first();
		if (record == null || !"pending".equals(record.getString("status"))) {
			return;
		}
		bill(record, subscriptionId, invoice.getId());
	}

	/**
	 * The job: bills pending overage whose renewal invoice was missed, as pending invoice
	 * items.
	 */
	int billMissed() {
		int billed = 0;
		Instant due = clock.instant().minus(GRACE_FOR_RENEWAL_INVOICE);
		for (Document record : overage.find(Filters.eq("status", "pending"))) {
			if (Instant.parse(record.getString("periodEnd")).isAfter(due)) {
				continue;
			}
			OrgId org = new OrgId(record.getString("orgId"));
			Optional<String> sub = subscriptions.current(org).map(v -> v.id());
			if (sub.isEmpty()) {
				overage.updateOne(Filters.eq("_id", record.getString("_id")), Updates.set("status", "no_subscription"));
				log.warn("Overage {} has no subscription to bill it on; needs an operator", record.getString("_id"));
				continue;
			}
			try {
				if (bill(record, sub.get(), null)) {
					billed++;
				}
			}
			catch (StripeException ex) {
				log.warn("Billing missed overage {} failed; retried next run: {}", record.getString("_id"),
						ex.getMessage());
			}
		}
		return billed;
	}

	/**
	 * Creates the invoice item (on {@code invoiceId}, or pending when null) and marks the
	 * record billed.
	 */
	private boolean bill(Document record, String subscriptionId, String invoiceId) throws StripeException {
		Document sub = subscriptions.mirrored(subscriptionId).orElse(null);
		String rate = sub == null ? null : sub.getString("overageUnitAmountDecimal");
		if (sub == null || rate == null || sub.getString("currency") == null) {
			overage.updateOne(Filters.eq("_id", record.getString("_id")), Updates.set("status", "no_overage_price"));
			return false;
		}
		BigDecimal credits = new BigDecimal(record.getString("overage"));
		long amount = amountMinorUnits(credits, new BigDecimal(rate), sub.getString("currency"));
		String periodEnd = String.valueOf(Instant.parse(record.getString("periodEnd")).getEpochSecond());
		String key = "overage:" + subscriptionId + ":" + periodEnd;
		String customer = sub.getString("customerId");
		InvoiceItemCreateParams.Builder params = InvoiceItemCreateParams.builder()
			.setCustomer(customer)
			.setAmount(amount)
			.setCurrency(sub.getString("currency"))
			.setDescription(description(credits, new BigDecimal(rate), metric.creditName(),
					outcomes.billedCounts(new OrgId(record.getString("orgId")),
							Instant.parse(record.getString("periodStart")),
							Instant.parse(record.getString("periodEnd")))))
			.putMetadata("overage_key", key)
			.putMetadata("org_id", record.getString("orgId"));
		if (invoiceId != null) {
			params.setInvoice(invoiceId);
		}
		else {
			params.setSubscription(subscriptionId);
		}
		String itemId;
		try {
			var create = params.build();
			RequestOptions options = RequestOptions.builder().setIdempotencyKey(key).build();
			itemId = Tracing
				.span("stripe.invoice_item.create", record.getString("orgId"),
						() -> StripeRetry.withRetries(() -> stripe.v1().invoiceItems().create(create, options)))
				.getId();
		}
		catch (IdempotencyException ex) {
			// The same key was used with other parameters: an earlier attempt already
			// created the item.
			itemId = findExisting(customer, key).orElseThrow(() -> ex);
		}
		catch (InvalidRequestException ex) {
			if (invoiceId != null) {
				log.info("Draft {} no longer takes items ({}); the overage job bills {} as pending", invoiceId,
						ex.getMessage(), key);
				return false;
			}
			throw ex;
		}
		overage.updateOne(Filters.eq("_id", record.getString("_id")),
				Updates.combine(Updates.set("status", "billed"), Updates.set("invoiceItem", itemId),
						Updates.set("invoice", invoiceId), Updates.set("amount", amount),
						Updates.set("billedAt", clock.instant().toString())));
		return true;
	}

	private Optional<String> findExisting(String customer, String key) throws StripeException {
		for (InvoiceItem item : stripe.v1()
			.invoiceItems()
			.list(InvoiceItemListParams.builder().setCustomer(customer).setLimit(100L).build())
			.autoPagingIterable()) {
			if (item.getMetadata() != null && key.equals(item.getMetadata().get("overage_key"))) {
				return Optional.of(item.getId());
			}
		}
		return Optional.empty();
	}

	/**
	 * The overage line's text: the credits and their price, and — where the period
	 * charged outcomes — how many of each type it covers ("outcomes charged in this
	 * period: 3 lab_report").
	 */
	static String description(BigDecimal credits, BigDecimal rate, String creditName, Map<String, Long> outcomeCounts) {
		String line = "Overage: " + credits.toPlainString() + " " + creditName + " × " + rate.toPlainString()
				+ " (minor units per " + creditName + ")";
		if (outcomeCounts.isEmpty()) {
			return line;
		}
		return line + "; outcomes charged in this period: "
				+ outcomeCounts.entrySet()
					.stream()
					.map(e -> e.getValue() + " " + e.getKey())
					.collect(Collectors.joining(", "));
	}

	/**
	 * Credits × price per credit (minor units, may be fractional), as an amount Stripe
	 * charges ({@link MoneyFormat#chargeable}).
	 */
	static long amountMinorUnits(BigDecimal credits, BigDecimal minorUnitsPerCredit, String currency) {
		return MoneyFormat.chargeable(credits.multiply(minorUnitsPerCredit), currency);
	}

}
