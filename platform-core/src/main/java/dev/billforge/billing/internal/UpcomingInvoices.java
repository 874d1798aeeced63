package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.param.InvoiceCreatePreviewParams;

import dev.billforge.billing.SubscriptionView;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.RunRateProjection;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

/**
 * The org's next invoice: Stripe's preview ({@code invoices.createPreview}) of its
 * subscription's renewal, plus the overage the run-rate projection expects by period end,
 * billed at the plan's overage price in the subscription's currency — an estimate, since
 * the real overage is known only when the period closes.
 */
@Component
class UpcomingInvoices {

	/** A line; amounts in minor units of the invoice's currency. */
	record Line(String description, long amount, Long periodStart, Long periodEnd) {
	}

	/**
	 * The overage expected at period end: {@code credits} × {@code unitAmountDecimal}
	 * minor units.
	 */
	record OverageEstimate(Credits credits, BigDecimal unitAmountDecimal, long amount) {
	}

	/**
	 * @param total Stripe's total of the preview (without the estimate)
	 * @param estimatedTotal {@code total} plus the overage estimate
	 */
	record Upcoming(String subscriptionId, String currency, Long periodStart, Long periodEnd, Long nextPaymentAttempt,
			List<Line> lines, long subtotal, long total, long amountDue, OverageEstimate estimatedOverage,
			long estimatedTotal) {
	}

	private final StripeClient stripe;

	private final SubscriptionSync subscriptions;

	private final CreditLedger ledger;

	private final ValueMetric metric;

	private final Clock clock;

	UpcomingInvoices(StripeClient stripe, SubscriptionSync subscriptions, CreditLedger ledger, ValueMetric metric,
			Clock clock) {
		this.stripe = stripe;
		this.subscriptions = subscriptions;
		this.ledger = ledger;
		this.metric = metric;
		this.clock = clock;
	}

	/**
	 * Empty when the org has no live subscription (or it ends at period end): no invoice
	 * is coming.
	 */
	Optional<Upcoming> preview(OrgId org) {
		Optional<SubscriptionView> sub = subscriptions.current(org)
			.filter(s -> SubscriptionSync.LIVE.contains(s.status()) && !s.cancelAtPeriodEnd());
		if (sub.isEmpty()) {
			return Optional.empty();
		}
		Document mirror = subscriptions.mirrored(sub.get().id()).orElse(null);
		Invoice invoice;
		try {
			invoice = stripe.v1()
				.invoices()
				.createPreview(InvoiceCreatePreviewParams.builder()
					.setCustomer(mirror == null ? null : mirror.getString("customerId"))
					.setSubscription(sub.get().id())
					.build());
		}
		catch (InvalidRequestException ex) {
			if ("invoice_upcoming_none".equals(ex.getCode())) {
				return Optional.empty();
			}
			throw StripeFailures.unavailable("previewing the next invoice", ex);
		}
		catch (StripeException ex) {
			throw StripeFailures.unavailable("previewing the next invoice", ex);
		}
		List<Line> lines = new ArrayList<>();
		if (invoice.getLines() != null) {
			for (InvoiceLineItem line : invoice.getLines().getData()) {
				lines.add(new Line(line.getDescription(), nz(line.getAmount()),
						line.getPeriod() == null ? null : line.getPeriod().getStart(),
						line.getPeriod() == null ? null : line.getPeriod().getEnd()));
			}
		}
		OverageEstimate estimate = overageEstimate(org, sub.get(), mirror, invoice.getCurrency());
		long total = nz(invoice.getTotal());
		return Optional.of(new Upcoming(sub.get().id(), invoice.getCurrency(), invoice.getPeriodStart(),
				invoice.getPeriodEnd(), invoice.getNextPaymentAttempt(), lines, nz(invoice.getSubtotal()), total,
				nz(invoice.getAmountDue()), estimate, total + (estimate == null ? 0 : estimate.amount())));
	}

	/** Null when the plan has no overage price or none is expected. */
	private OverageEstimate overageEstimate(OrgId org, SubscriptionView sub, Document mirror, String currency) {
		String rate = mirror == null ? null : mirror.getString("overageUnitAmountDecimal");
		if (!sub.overageAllowed() || rate == null || currency == null) {
			return null;
		}
		var balance = ledger.balance(org);
		Credits expected = RunRateProjection.of(balance, clock.instant(), metric.scale()).projectedOverage();
		if (!expected.isPositive()) {
			return null;
		}
		BigDecimal unit = new BigDecimal(rate);
		return new OverageEstimate(expected, unit, OverageBilling.amountMinorUnits(expected.amount(), unit, currency));
	}

	private static long nz(Long value) {
		return value == null ? 0 : value;
	}

}
