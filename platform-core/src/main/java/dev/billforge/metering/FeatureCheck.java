package dev.billforge.metering;

import dev.billforge.orgs.OrgId;

/**
 * Answers {@code POST /api/v1/entitlements/check} when the body names a {@code feature}
 * (implemented by the entitlements module; the credit check with {@code credits} or
 * {@code meter} stays here).
 */
public interface FeatureCheck {

	/**
	 * @param feature the feature name, already bounded to 100 characters
	 * @param quantity how many more of a limit feature are wanted (1 when not given)
	 */
	Answer check(OrgId org, String feature, long quantity);

	/**
	 * Whether the org's plan allows {@code quantity} more of {@code feature}; limit
	 * fields are null for a switch.
	 */
	record Answer(boolean allowed, String feature, Long quantity, Long limit, Long used, Long remaining,
			String reason) {
	}

}
