package dev.billforge.billing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.valuemetric.Credits;

/**
 * An org's subscription as mirrored from Stripe; {@code includedCredits} are those of the price it is on;
 * {@code trialEnd} is set when it began with a trial.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String status, String lookupKey, String tier, String priceId,
		Credits includedCredits, boolean overageAllowed, Instant currentPeriodStart, Instant currentPeriodEnd,
		boolean cancelAtPeriodEnd, Instant pastDueSince, Instant trialEnd) {

	public SubscriptionView(String id, String status, String lookupKey, String tier, String priceId,
			Credits includedCredits, boolean overageAllowed, Instant currentPeriodStart, Instant currentPeriodEnd,
			boolean cancelAtPeriodEnd, Instant pastDueSince) {
		this(id, status, lookupKey, tier, priceId, includedCredits, overageAllowed, currentPeriodStart, currentPeriodEnd,
				cancelAtPeriodEnd, pastDueSince, null);
	}

}
