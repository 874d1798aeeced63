package dev.billforge.entitlements;

import java.util.List;

import dev.billforge.orgs.OrgId;

/**
 * Feature entitlements for tenant code: {@code entitlements.has(org, "mcp_access")}.
 * Features come from the catalog ({@code docs/billing.md}, "Feature entitlements"); a
 * feature the org's plan does not name is off.
 */
public interface Entitlements {

	/**
	 * Problem code when a feature is not included (402, with the upgrade page for
	 * people).
	 */
	String NOT_INCLUDED = "feature_not_included";

	/** Problem code when a limit would be exceeded (402). */
	String LIMIT_REACHED = "feature_limit_reached";

	/** Whether the org has the feature: a switch that is on, or a limit above 0. */
	boolean has(OrgId org, String feature);

	/** Every feature the org has, with limits and current use, sorted by name. */
	List<Entitlement> list(OrgId org);

	/**
	 * Whether {@code quantity} more of a limit fit ({@code used + quantity <= limit}; a
	 * limit without a counter only needs {@code quantity <= limit}), or for a switch
	 * whether it is on.
	 */
	Check check(OrgId org, String feature, long quantity);

	/**
	 * Refuses unless the org has the feature.
	 * @throws dev.billforge.common.ProblemException 402 {@link #NOT_INCLUDED}
	 */
	void require(OrgId org, String feature);

	/** A check's answer; {@code reason} is null when allowed. */
	record Check(boolean allowed, String feature, Long quantity, Long limit, Long used, Long remaining, String reason) {
	}

}
