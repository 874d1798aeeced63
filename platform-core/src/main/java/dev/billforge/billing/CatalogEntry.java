package dev.billforge.billing;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.valuemetric.Credits;

/**
 * A plan or pack as discovered from Stripe (product metadata {@code product=<tag>}, price metadata
 * {@code kind}, {@code tier}, ...). Amounts are integers in the currency's minor unit.
 *
 * @param overageUnitAmountDecimal plan only: price of one credit beyond the allowance, in minor units
 *                                 (may be fractional, e.g. 0.5); null when the plan has no overage
 * @param features                 the price's features (metadata {@code features}), never null
 * @param perSeat                  plan only: priced per seat (metadata {@code per_seat=true}); the
 *                                 subscription quantity is the number of seats, amount and allowance are per seat
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogEntry(String lookupKey, String priceId, String productId, Kind kind, String tier, String name,
		String currency, long unitAmount, String interval, Credits includedCredits, BigDecimal overageUnitAmountDecimal,
		Credits credits, Integer minQuantity, Integer maxQuantity, FeatureSet features, boolean perSeat, Trial trial,
		boolean promotionCodes) {

	public CatalogEntry {
		features = features == null ? FeatureSet.EMPTY : features;
	}

	/** An entry without features, seats, trial or promotion codes. */
	public CatalogEntry(String lookupKey, String priceId, String productId, Kind kind, String tier, String name,
			String currency, long unitAmount, String interval, Credits includedCredits,
			BigDecimal overageUnitAmountDecimal, Credits credits, Integer minQuantity, Integer maxQuantity) {
		this(lookupKey, priceId, productId, kind, tier, name, currency, unitAmount, interval, includedCredits,
				overageUnitAmountDecimal, credits, minQuantity, maxQuantity, null, false, null, false);
	}

	/**
	 * A plan's free trial (price metadata {@code trial_days}, {@code trial_card_required}, {@code trial_credits}):
	 * its length, whether Checkout asks for a card, and the credits granted for the trial (expiring at its end).
	 */
	public record Trial(int days, boolean cardRequired, Credits credits) {
	}

	public enum Kind {

		PLAN, PACK;

		@com.fasterxml.jackson.annotation.JsonValue
		public String code() {
			return name().toLowerCase();
		}

		public static Kind fromCode(String code) {
			return code == null ? null : switch (code) {
				case "plan" -> PLAN;
				case "pack" -> PACK;
				default -> null;
			};
		}

	}

	public boolean overageAllowed() {
		return overageUnitAmountDecimal != null && overageUnitAmountDecimal.signum() > 0;
	}

}
