package dev.billforge.billing;

import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog file's feature settings that do not live on a Stripe price: how each
 * limit's current use is counted, and the feature sets of the free tier and of enterprise
 * contracts.
 *
 * @param counters limit feature name → how its use is counted; a limit without a counter
 * has no current use
 * @param freeTier features of an org without a live subscription or contract
 * @param enterprise features of an org on an active enterprise contract
 */
public record FeatureCatalog(Map<String, Counter> counters, FeatureSet freeTier, FeatureSet enterprise) {

	public static final FeatureCatalog EMPTY = new FeatureCatalog(Map.of(), FeatureSet.EMPTY, FeatureSet.EMPTY);

	public FeatureCatalog {
		counters = Map.copyOf(new TreeMap<>(counters));
	}

	/**
	 * How a limit's current use is counted: {@code meter} — the quantity of that meter
	 * used in the org's current billing period, from the usage rollups; {@code members} —
	 * members plus open invitations.
	 */
	public record Counter(String meter, boolean members) {

		public static Counter ofMeter(String meter) {
			return new Counter(meter, false);
		}

		public static final Counter MEMBERS = new Counter(null, true);

	}

}
