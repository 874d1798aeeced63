package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundListParams;
import com.stripe.param.checkout.SessionListParams;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

/**
 * Takes pack credits back when a pack's charge is refunded, per refund id ({@code refund:<re_id>}).
 * {@code amount_refunded} is cumulative, so each refund's share is computed from the running total in
 * refund order — {@code floor(credits × refundedSoFar / amount)} minus what earlier refunds took — and a
 * full refund takes back exactly the pack. What was already spent becomes debt (the ledger's rule).
 */
@Component
class RefundEffects {

	private static final Logger log = LoggerFactory.getLogger(RefundEffects.class);

	private final StripeClient stripe;

	private final CreditLedger ledger;

	private final CheckoutFinalizer checkouts;

	private final ValueMetric metric;

	RefundEffects(StripeClient stripe, CreditLedger ledger, CheckoutFinalizer checkouts, ValueMetric metric) {
		this.stripe = stripe;
		this.ledger = ledger;
		this.checkouts = checkouts;
		this.metric = metric;
	}

	void onChargeRefunded(String chargeId) throws StripeException {
		Charge charge = stripe.v1().charges().retrieve(chargeId);
		String paymentIntent = charge.getPaymentIntent();
		if (paymentIntent == null) {
			return;
		}
		Optional<Document> payment = checkouts.payment(paymentIntent);
		if (payment.isEmpty()) {
			// The grant may have been applied without its record (crash in between): finalize again (a no-op
			// for the grant) to write it. Charges that did not come from a pack Checkout are not ours.
			for (Session session : stripe.v1().checkout().sessions()
				.list(SessionListParams.builder().setPaymentIntent(paymentIntent).build()).getData()) {
				checkouts.finalizeSession(session.getId());
			}
			payment = checkouts.payment(paymentIntent);
			if (payment.isEmpty()) {
				log.info("Refunded charge {} is not a credit pack purchase; nothing to claw back", chargeId);
				return;
			}
		}
		Document p = payment.get();
		OrgId org = new OrgId(p.getString("orgId"));
		BigDecimal credits = new BigDecimal(p.getString("credits"));
		long amount = charge.getAmount();
		List<Refund> refunds = new ArrayList<>();
		for (Refund refund : stripe.v1().refunds()
			.list(RefundListParams.builder().setCharge(chargeId).setLimit(100L).build())
			.autoPagingIterable()) {
			if (!"failed".equals(refund.getStatus()) && !"canceled".equals(refund.getStatus())) {
				refunds.add(refund);
			}
		}
		refunds.sort(Comparator.comparing(Refund::getCreated).thenComparing(Refund::getId));
		long before = 0;
		for (Refund refund : refunds) {
			long after = before + refund.getAmount();
			BigDecimal share = share(credits, after, amount).subtract(share(credits, before, amount));
			before = after;
			if (share.signum() > 0) {
				ledger.clawBack(org, "refund:" + refund.getId(), new Credits(share), p.getString("grantId"),
						"Refund " + refund.getId() + " of " + chargeId);
			}
		}
	}

	private BigDecimal share(BigDecimal credits, long refunded, long amount) {
		if (refunded >= amount) {
			return credits;
		}
		return credits.multiply(BigDecimal.valueOf(refunded))
			.divide(BigDecimal.valueOf(amount), metric.scale(), RoundingMode.DOWN);
	}

}
