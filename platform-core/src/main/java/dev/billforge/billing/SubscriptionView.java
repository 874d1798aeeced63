package dev.billforge.billing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.valuemetric.Credits;

/**
 * An org's subscription as mirrored from Stripe; {@code includedCredits} are those of the
 * price it is on (times the quantity), {@code features} the price's features,
 * {@code quantity} the item quantity (the number of seats when {@code perSeat});
 * {@code trialEnd} is set when it began with a trial.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String status, String lookupKey, String tier, String priceId,
		Credits includedCredits, boolean overageAllowed, Instant currentPeriodStart, Instant currentPeriodEnd,
		boolean cancelAtPeriodEnd, Instant pastDueSince, FeatureSet features, long quantity, boolean perSeat,
		Instant trialEnd) {

	/** Active, trialing or past due: the org still has the plan. */
	public boolean live() {
		return "active".equals(status) || "trialing".equals(status) || "past_due".equals(status);
	}

}
