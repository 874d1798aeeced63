package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundListParams;
import com.stripe.param.checkout.SessionListParams;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

/**
 * Takes pack credits back when a refund of a pack's charge succeeds, per refund id
 * ({@code refund:<re_id>}), and gives them back if that refund later fails
 * ({@code refund-failed:<re_id>}); the shares are the {@link RefundPlan}'s. Every refund
 * and charge event re-reads the charge's refunds from Stripe, so events out of order or
 * repeated change nothing twice. What was already spent becomes debt (the ledger's rule).
 */
@Component
class RefundEffects {

	private static final Logger log = LoggerFactory.getLogger(RefundEffects.class);

	private final StripeClient stripe;

	private final CreditLedger ledger;

	private final CheckoutFinalizer checkouts;

	private final ValueMetric metric;

	private final MongoCollection<Document> effects;

	RefundEffects(StripeClient stripe, CreditLedger ledger, CheckoutFinalizer checkouts, ValueMetric metric,
			MongoTemplate mongo) {
		this.effects = mongo.getCollection(BillingCollections.EFFECTS);
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
			// The grant may have been applied without its record (crash in between):
			// finalize again (a no-op
			// for the grant) to write it. Charges that did not come from a pack Checkout
			// are not ours.
			for (Session session : stripe.v1()
				.checkout()
				.sessions()
				.list(SessionListParams.builder().setPaymentIntent(paymentIntent).build())
				.getData()) {
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
		List<RefundPlan.RefundState> states = new ArrayList<>();
		Map<String, RefundPlan.Taken> taken = new HashMap<>();
		for (Refund refund : stripe.v1()
			.refunds()
			.list(RefundListParams.builder().setCharge(chargeId).setLimit(100L).build())
			.autoPagingIterable()) {
			states.add(new RefundPlan.RefundState(refund.getId(), refund.getCreated(), refund.getAmount(),
					refund.getStatus()));
			Document record = effects.find(Filters.eq("_id", refundRecord(org, refund.getId()))).first();
			if (record != null) {
				taken.put(refund.getId(), new RefundPlan.Taken(new BigDecimal(record.getString("credits")),
						record.getBoolean("restored", false)));
			}
		}
		RefundPlan plan = RefundPlan.of(new BigDecimal(p.getString("credits")), charge.getAmount(), metric.scale(),
				states, taken);
		for (RefundPlan.Restore restore : plan.restores()) {
			// The refund did not reach the customer: the credits it took come back, once
			// (ledger key).
			ledger.grant(org, new GrantRequest("refund-failed:" + restore.refundId(), GrantSource.PACK,
					new Credits(restore.credits()), null, null,
					"Refund " + restore.refundId() + " of " + chargeId + " failed: credits restored", chargeId));
			effects.updateOne(Filters.eq("_id", refundRecord(org, restore.refundId())), Updates.set("restored", true));
		}
		for (RefundPlan.ClawBack clawBack : plan.clawBacks()) {
			if (clawBack.credits().signum() > 0) {
				ledger.clawBack(org, "refund:" + clawBack.refundId(), new Credits(clawBack.credits()),
						p.getString("grantId"), "Refund " + clawBack.refundId() + " of " + chargeId);
			}
			// After the claw-back (idempotent by key): a crash in between computes the
			// same share again.
			CustomerDirectory.insertIgnoringDuplicate(effects,
					new Document("_id", refundRecord(org, clawBack.refundId())).append("orgId", org.value())
						.append("charge", chargeId)
						.append("credits", clawBack.credits().toPlainString())
						.append("restored", false));
		}
	}

	/**
	 * What a refund took from one org's pack (per org, like the ledger key it mirrors).
	 */
	private static String refundRecord(OrgId org, String refundId) {
		return "refund:" + org.value() + ":" + refundId;
	}

}
