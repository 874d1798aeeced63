package dev.billforge.billing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.param.InvoiceListParams;

import dev.billforge.billing.CatalogEntry;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.OrgId;

/**
 * What a plan's trial does to the org: its trial credits once, when the subscription is
 * first seen trialing (ledger key {@code trial:<sub_id>}, source {@code promo}, expiring
 * at the trial's end); a notice three days before the end
 * ({@code customer.subscription.trial_will_end}, once per subscription and trial end);
 * and the rule that a trial that never converted — no paid {@code subscription_cycle} or
 * {@code subscription_update} invoice — leaves the org on the free tier when it ends
 * unpaid, instead of blocking it.
 */
@Component
class TrialEffects {

	private final StripeClient stripe;

	private final CreditLedger ledger;

	private final Notifications notifications;

	private final Clock clock;

	TrialEffects(StripeClient stripe, CreditLedger ledger, Notifications notifications, Clock clock) {
		this.clock = clock;
		this.stripe = stripe;
		this.ledger = ledger;
		this.notifications = notifications;
	}

	void grantTrialCredits(OrgId org, Subscription sub, CatalogEntry plan) {
		if (!"trialing".equals(sub.getStatus()) || sub.getTrialEnd() == null || plan == null || plan.trial() == null
				|| plan.trial().credits() == null || !plan.trial().credits().isPositive()) {
			return;
		}
		ledger.grant(org, new GrantRequest("trial:" + sub.getId(), GrantSource.PROMO, plan.trial().credits(), null,
				Instant.ofEpochSecond(sub.getTrialEnd()), "Trial credits (" + plan.name() + ")", sub.getId()));
	}

	/**
	 * True when the subscription began with a trial and no invoice after the trial has
	 * been paid.
	 */
	boolean neverConverted(Subscription sub) throws StripeException {
		if (sub.getTrialEnd() == null) {
			return false;
		}
		for (Invoice invoice : stripe.v1()
			.invoices()
			.list(InvoiceListParams.builder()
				.setSubscription(sub.getId())
				.setStatus(InvoiceListParams.Status.PAID)
				.setLimit(100L)
				.build())
			.autoPagingIterable()) {
			if ("subscription_cycle".equals(invoice.getBillingReason())
					|| "subscription_update".equals(invoice.getBillingReason())) {
				return false;
			}
		}
		return true;
	}

	void announceTrialEnd(OrgId org, Subscription sub, CatalogEntry plan) {
		if (sub.getTrialEnd() == null || !"trialing".equals(sub.getStatus())) {
			return; // converted or cancelled before the notice was processed
		}
		String trialEnd = Instant.ofEpochSecond(sub.getTrialEnd()).toString();
		notifications.raise(org, "trial_will_end:" + sub.getId() + ":" + sub.getTrialEnd(), "trial_will_end",
				clock.instant(), Map.of("subscription", sub.getId(), "trialEnd", trialEnd, "plan",
						plan == null || plan.name() == null ? "your plan" : plan.name()));
	}

}
