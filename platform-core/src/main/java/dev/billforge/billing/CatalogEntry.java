package dev.billforge.billing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.valuemetric.Credits;

/**
 * A plan or pack as discovered from Stripe (product metadata {@code product=<tag>}, price
 * metadata {@code kind}, {@code tier}, ...). Amounts are integers in the currency's minor
 * unit.
 *
 * @param overageUnitAmountDecimal plan only: price of one credit beyond the allowance, in
 * minor units (may be fractional, e.g. 0.5); null when the plan has no overage
 * @param features the price's features (metadata {@code features}), never null
 * @param perSeat plan only: priced per seat (metadata {@code per_seat=true}); the
 * subscription quantity is the number of seats, amount and allowance are per seat
 * @param currencyOptions the price's other currencies (Stripe's {@code currency_options},
 * without the default {@code currency}), each with its amount and overage rate; never
 * null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogEntry(String lookupKey, String priceId, String productId, Kind kind, String tier, String name,
		String currency, long unitAmount, String interval, Credits includedCredits, BigDecimal overageUnitAmountDecimal,
		Credits credits, Integer minQuantity, Integer maxQuantity, FeatureSet features, boolean perSeat, Trial trial,
		boolean promotionCodes, Map<String, CurrencyOption> currencyOptions) {

	public CatalogEntry {
		features = features == null ? FeatureSet.EMPTY : features;
		currencyOptions = currencyOptions == null ? Map.of()
				: java.util.Collections.unmodifiableMap(new TreeMap<>(currencyOptions));
	}

	/** An entry sold in its default currency only. */
	public CatalogEntry(String lookupKey, String priceId, String productId, Kind kind, String tier, String name,
			String currency, long unitAmount, String interval, Credits includedCredits,
			BigDecimal overageUnitAmountDecimal, Credits credits, Integer minQuantity, Integer maxQuantity,
			FeatureSet features, boolean perSeat, Trial trial, boolean promotionCodes) {
		this(lookupKey, priceId, productId, kind, tier, name, currency, unitAmount, interval, includedCredits,
				overageUnitAmountDecimal, credits, minQuantity, maxQuantity, features, perSeat, trial, promotionCodes,
				Map.of());
	}

	/**
	 * The price in another currency (Stripe's {@code currency_options[<cur>]}): its
	 * amount in that currency's minor units and, for a plan with overage, the price of
	 * one credit in them (price metadata {@code overage_unit_amount_decimal_<cur>}; null
	 * when the plan has no overage in that currency).
	 */
	public record CurrencyOption(long unitAmount, BigDecimal overageUnitAmountDecimal) {
	}

	/** The default currency and every option's, in order. */
	public Set<String> currencies() {
		Set<String> all = new TreeSet<>(currencyOptions.keySet());
		all.add(currency);
		return all;
	}

	/**
	 * The amount in {@code code} (minor units), empty when the price is not sold in it.
	 */
	public Optional<Long> unitAmountIn(String code) {
		String c = code.toLowerCase(Locale.ROOT);
		if (c.equals(currency)) {
			return Optional.of(unitAmount);
		}
		return Optional.ofNullable(currencyOptions.get(c)).map(CurrencyOption::unitAmount);
	}

	/**
	 * The price of one credit beyond the allowance in {@code code} (minor units of that
	 * currency): a subscription's overage is billed in its own currency at this rate.
	 * Null when the plan has no overage in it.
	 */
	public BigDecimal overageUnitAmountDecimalIn(String code) {
		String c = code == null ? currency : code.toLowerCase(Locale.ROOT);
		if (c.equals(currency)) {
			return overageUnitAmountDecimal;
		}
		CurrencyOption option = currencyOptions.get(c);
		return option == null ? null : option.overageUnitAmountDecimal();
	}

	/** An entry without features, seats, trial or promotion codes. */
	public CatalogEntry(String lookupKey, String priceId, String productId, Kind kind, String tier, String name,
			String currency, long unitAmount, String interval, Credits includedCredits,
			BigDecimal overageUnitAmountDecimal, Credits credits, Integer minQuantity, Integer maxQuantity) {
		this(lookupKey, priceId, productId, kind, tier, name, currency, unitAmount, interval, includedCredits,
				overageUnitAmountDecimal, credits, minQuantity, maxQuantity, null, false, null, false, Map.of());
	}

	/**
	 * A plan's free trial (price metadata {@code trial_days},
	 * {@code trial_card_required}, {@code trial_credits}): its length, whether Checkout
	 * asks for a card, and the credits granted for the trial (expiring at its end).
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
