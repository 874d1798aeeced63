package dev.billforge.billing;

import dev.billforge.orgs.OrgId;

/**
 * Which features an org has from what it pays for (catalog: {@code docs/billing.md},
 * "Feature entitlements"). Exactly one base set applies: an active enterprise contract's
 * ({@code enterprise:} in the catalog file), else a live subscription's (the features on
 * the price it is on, so a subscription keeps the features it bought — grandfathered),
 * else the free tier's; credit packs whose credits the org still holds add theirs on top.
 */
public interface PlanFeatures {

	OrgFeatures features(OrgId org);

	/** The catalog file's counters, free tier and enterprise feature sets. */
	FeatureCatalog catalog();

	/**
	 * @param source {@code contract}, {@code plan:<lookupKey>} or {@code free}
	 * @param features the base set plus live packs' features; a per-seat plan's
	 * {@code seats} limit is its quantity
	 * @param paidSeats the seats a per-seat plan pays for, or null when the org is not on
	 * one
	 */
	record OrgFeatures(String source, FeatureSet features, Long paidSeats) {
	}

}
