package dev.billforge.billing.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.OrgId;

/**
 * {@code GET /api/v1/billing/upcoming-invoice}: the next invoice with the expected
 * overage, with the org API key.
 */
@RestController
@Tag(name = "billing")
class UpcomingInvoiceApiController {

	private final UpcomingInvoices upcoming;

	UpcomingInvoiceApiController(UpcomingInvoices upcoming) {
		this.upcoming = upcoming;
	}

	/**
	 * Amounts in minor units of {@code currency}; {@code estimate} is always true on the
	 * overage line.
	 */
	record OverageLine(String description, String credits, String unitAmountDecimal, long amount, boolean estimate) {
	}

	record UpcomingInvoiceResponse(String subscription, String currency, Long periodStart, Long periodEnd,
			Long nextPaymentAttempt, List<UpcomingInvoices.Line> lines, long subtotal, long total, long amountDue,
			OverageLine estimatedOverage, long estimatedTotal) {
	}

	@Operation(operationId = "getUpcomingInvoice",
			summary = "Stripe's preview of the next invoice plus the overage expected at period end (an estimate)")
	@GetMapping("/api/v1/billing/upcoming-invoice")
	UpcomingInvoiceResponse upcoming(OrgId org) {
		UpcomingInvoices.Upcoming u = upcoming.preview(org)
			.orElseThrow(() -> new ProblemException(404, "no_upcoming_invoice",
					"the org has no live subscription, so no invoice is coming; packs are paid when bought"));
		UpcomingInvoices.OverageEstimate e = u.estimatedOverage();
		return new UpcomingInvoiceResponse(u.subscriptionId(), u.currency(), u.periodStart(), u.periodEnd(),
				u.nextPaymentAttempt(), u.lines(), u.subtotal(), u.total(), u.amountDue(),
				e == null ? null : new OverageLine("Expected overage at period end (estimate)", e.credits().toString(),
						e.unitAmountDecimal().toPlainString(), e.amount(), true),
				u.estimatedTotal());
	}

}
