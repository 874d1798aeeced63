package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A plan's or pack's price in a currency other than the catalog's (tenant.yml
 * {@code currency-options}, rendered as the platform catalog's {@code currencyOptions},
 * Stripe's {@code currency_options}): {@code price} in that currency's major unit, and
 * for a plan with overage its {@code overage} per credit in it. Whole minor units of that
 * currency are checked by {@link Catalog}, which knows the catalog's own currency.
 *
 * @param price in the option's currency, major unit
 * @param overage per credit in the option's currency, major unit; null on packs and plans
 * without overage
 */
public record CurrencyOption(BigDecimal price, BigDecimal overage) {

	/**
	 * Currencies one price is sold in besides the catalog's: bounded, as every list in
	 * tenant.yml.
	 */
	static final int MAX = 30;

	/**
	 * Lower-case ISO 4217 syntax, as the platform catalog and Stripe write currency
	 * codes.
	 */
	static final Pattern CODE = Pattern.compile("[a-z]{3}");

	public CurrencyOption {
		if (price == null) {
			throw new InvalidAnswerException("currency-options", "every currency option needs a price");
		}
		price = Decimals.normal(price);
		overage = overage == null ? null : Decimals.normal(overage);
	}

	/** Checks the codes and count; an unmodifiable copy ordered by code, never null. */
	static SortedMap<String, CurrencyOption> copy(String option, String what, Map<String, CurrencyOption> options) {
		if (options == null || options.isEmpty()) {
			return Collections.emptySortedMap();
		}
		if (options.size() > MAX) {
			throw new InvalidAnswerException(option, what + ": at most " + MAX + " currency-options");
		}
		for (var e : options.entrySet()) {
			if (e.getKey() == null || !CODE.matcher(e.getKey()).matches()) {
				throw new InvalidAnswerException(option,
						what + ": currency-options: '" + Texts.shown(String.valueOf(e.getKey()))
								+ "' is not a lower-case three-letter ISO 4217 currency code like eur");
			}
			if (e.getValue() == null) {
				throw new InvalidAnswerException(option, what + ": currency-options: " + e.getKey() + " needs a price");
			}
		}
		return Collections.unmodifiableSortedMap(new TreeMap<>(options));
	}

	/**
	 * {@code currency-options: {eur: {price: "92", overage: "0.0092"}}} of one plan or
	 * pack; {@code overage} is known only where {@code withOverage} (plans). Unquoted
	 * YAML floats are refused by {@link Decimals#read}.
	 */
	static SortedMap<String, CurrencyOption> read(String option, Map<?, ?> item, String what, boolean withOverage) {
		Object raw = item.get("currency-options");
		if (raw == null) {
			return Collections.emptySortedMap();
		}
		if (!(raw instanceof Map<?, ?> options)) {
			throw new InvalidAnswerException(option,
					what + ": currency-options must be a mapping of currency: {price: ...}");
		}
		Set<String> known = withOverage ? Set.of("price", "overage") : Set.of("price");
		Map<String, CurrencyOption> read = new TreeMap<>();
		for (var e : options.entrySet()) {
			String code = String.valueOf(e.getKey());
			String in = what + ": currency-options: " + Texts.shown(code);
			if (!(e.getValue() instanceof Map<?, ?> fields)) {
				throw new InvalidAnswerException(option, in + " needs {price: ...}");
			}
			for (Object field : fields.keySet()) {
				if (!known.contains(String.valueOf(field))) {
					throw new InvalidAnswerException(option,
							in + ": unknown field '" + Texts.shown(String.valueOf(field)) + "'; known: "
									+ String.join(", ", new TreeSet<>(known)));
				}
			}
			Object overage = fields.get("overage");
			read.put(code, new CurrencyOption(Decimals.read(option, fields.get("price"), "price of " + in),
					overage == null ? null : Decimals.read(option, overage, "overage of " + in)));
		}
		return copy(option, what, read); // codes and count checked there
	}

	/**
	 * The rules that need the item and the catalog: not the catalog's own currency, whole
	 * minor units of the option's currency (a multiple of 10 in three-decimal ones, which
	 * Stripe requires), and an overage exactly when the plan has one, so overage is
	 * billable in every currency the plan is sold in.
	 */
	static void check(String option, String what, String catalogCurrency, boolean overage, boolean positive,
			Map<String, CurrencyOption> options) {
		options.forEach((code, o) -> {
			String in = what + ": currency-options: " + code;
			if (code.equals(catalogCurrency)) {
				throw new InvalidAnswerException(option,
						in + " is the catalog's own currency; give its price as price");
			}
			long minor = Decimals.minorUnits(option, in + ": price", o.price(), code);
			if (Decimals.exponent(code) == 3 && minor % 10 != 0) {
				throw new InvalidAnswerException(option, in + ": price " + Decimals.plain(o.price())
						+ " must end in 0 (Stripe takes three-decimal currencies in multiples of 0.010)");
			}
			if (positive && minor <= 0) {
				throw new InvalidAnswerException(option, in + ": price must be positive");
			}
			if (overage != (o.overage() != null)) {
				throw new InvalidAnswerException(option,
						in + (overage ? ": overage is required, since the plan has overage"
								: ": overage is allowed only on a plan with overage"));
			}
		});
	}

	/** tenant.yml's text: {@code {price: "92", overage: "0.0092"}}. */
	String yaml() {
		return "{price: " + Texts.quoted(Decimals.plain(price))
				+ (overage == null ? "" : ", overage: " + Texts.quoted(Decimals.plain(overage))) + "}";
	}
}
