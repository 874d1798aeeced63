package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * A one-time credit pack: {@code credits} for {@code price} in the currency's major unit.
 * The rest mirrors the platform catalog's pack fields (docs/billing.md); null means "not
 * set" and renders the default.
 *
 * @param key the catalog key; null: {@code pack_<credits>}
 * @param name the product name shown in Checkout; null: {@code "1,000 <credit name>"}
 * @param lookupKey the price's lookup key; null: {@code <tag>_<key>}
 * @param minQuantity fewest packs one Checkout sells; null: 1
 * @param maxQuantity most packs one Checkout sells; null: 100
 * @param features features the pack's credits carry while they last
 * @param allowPromotionCodes whether Checkout takes promotion codes; null: the catalog's
 * {@code allow-promotion-codes}
 * @param currencyOptions the price in other currencies, by lower-case code; empty: the
 * catalog's only
 */
public record Pack(BigDecimal credits, BigDecimal price, String key, String name, String lookupKey, Integer minQuantity,
		Integer maxQuantity, Features features, Boolean allowPromotionCodes,
		SortedMap<String, CurrencyOption> currencyOptions) {

	/** Most packs one Checkout may sell (Stripe's adjustable quantity is bounded too). */
	static final int MAX_QUANTITY = 10_000;

	public Pack {
		if (credits == null || price == null) {
			throw new InvalidAnswerException("--pack", "a pack needs credits and a price");
		}
		credits = Decimals.normal(credits);
		if (credits.signum() <= 0 || credits.scale() > 0) {
			throw new InvalidAnswerException("--pack",
					"credits of a pack must be a positive whole number, not " + credits.toPlainString());
		}
		price = Decimals.normal(price); // whole minor units of the catalog's currency:
										// checked by Catalog
		if (price.signum() <= 0) {
			throw new InvalidAnswerException("--pack",
					"price of the " + credits.toPlainString() + " credit pack must be positive");
		}
		if (key != null && !Plan.KEY.matcher(key).matches()) {
			throw new InvalidAnswerException("--pack", "pack key '" + Texts.shown(key)
					+ "' must be lower case letters, digits and _ (starting with a letter, at most 30)");
		}
		String what = "pack '" + (key != null ? key : "pack_" + credits.toPlainString()) + "'";
		name = Plan.displayName("--pack", what, name);
		lookupKey = Plan.lookupKey("--pack", what, lookupKey);
		int min = minQuantity == null ? 1 : minQuantity;
		int max = maxQuantity == null ? 100 : maxQuantity;
		if (min < 1 || max < min || max > MAX_QUANTITY) {
			throw new InvalidAnswerException("--pack",
					what + ": quantities must satisfy 1 <= min-quantity <= max-quantity <= " + MAX_QUANTITY);
		}
		features = features == null ? Features.NONE : features;
		currencyOptions = CurrencyOption.copy("--pack", what, currencyOptions);
	}

	/** A pack with only the command line's fields. */
	public Pack(BigDecimal credits, BigDecimal price) {
		this(credits, price, null, null, null, null, null, Features.NONE, null, null);
	}

	/** Parses {@code credits:price}, e.g. {@code 1000:10}. */
	public static Pack parse(String text) {
		String[] parts = text.split(":", -1);
		if (parts.length != 2) {
			throw new InvalidAnswerException("--pack",
					"'" + Texts.shown(text) + "' is not credits:price (e.g. 1000:10)");
		}
		return new Pack(Decimals.parse("--pack", parts[0].strip(), "credits"),
				Decimals.parse("--pack", parts[1].strip(), "price"));
	}

	/** The catalog key: the given one or {@code pack_<credits>}. */
	String catalogKey() {
		return key != null ? key : "pack_" + credits.toPlainString();
	}

	String nameIn(TenantAnswers a) {
		return name != null ? name
				: String.format(java.util.Locale.ROOT, "%,d", credits.longValueExact()) + " " + a.creditName();
	}

	String lookupKeyIn(String tag) {
		return lookupKey != null ? lookupKey : tag + "_" + catalogKey();
	}

	int min() {
		return minQuantity == null ? 1 : minQuantity;
	}

	int max() {
		return maxQuantity == null ? 100 : maxQuantity;
	}
}
