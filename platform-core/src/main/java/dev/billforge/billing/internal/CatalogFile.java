package dev.billforge.billing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.billforge.billing.CatalogEntry.CurrencyOption;
import dev.billforge.billing.CatalogEntry.Kind;
import dev.billforge.billing.FeatureCatalog;
import dev.billforge.billing.FeatureSet;
import dev.billforge.common.DecimalInput;

/**
 * A tenant's catalog as code ({@code src/main/resources/catalog.yml}): plans and packs,
 * each becoming one Stripe product ({@code id = <tag>_<key>}) with one price addressed by
 * its lookup key.
 */
record CatalogFile(String currency, List<Item> items, FeatureCatalog features, List<CouponSpec> coupons) {

	CatalogFile(String currency, List<Item> items) {
		this(currency, items, FeatureCatalog.EMPTY, List.of());
	}

	private static final Pattern KEY = Pattern.compile("[a-z0-9_]{1,40}");

	/**
	 * Price metadata key prefix of a currency option's overage rate:
	 * {@code overage_unit_amount_decimal_eur}.
	 */
	static final String OVERAGE_IN = "overage_unit_amount_decimal_";

	/** An ISO 4217 code as Stripe writes it. */
	static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");

	/**
	 * One plan or pack. Amounts in minor units; {@code overagePerCredit} in minor units,
	 * may be fractional. {@code perSeat}: a plan priced per seat (quantity = seats,
	 * {@code amount} and {@code includedCredits} per seat). {@code currencyOptions}: the
	 * same price in other currencies (amount and overage per credit in that currency's
	 * minor units), pushed as Stripe's {@code currency_options}; never null.
	 */
	record Item(Kind kind, String key, String name, String lookupKey, long amount, String interval,
			BigDecimal includedCredits, BigDecimal overagePerCredit, BigDecimal credits, Integer minQuantity,
			Integer maxQuantity, FeatureSet features, boolean perSeat, TrialSpec trial, boolean promotionCodes,
			Map<String, CurrencyOption> currencyOptions) {

		Item {
			currencyOptions = currencyOptions == null ? Map.of()
					: java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(currencyOptions));
		}

		Item(Kind kind, String key, String name, String lookupKey, long amount, String interval,
				BigDecimal includedCredits, BigDecimal overagePerCredit, BigDecimal credits, Integer minQuantity,
				Integer maxQuantity, FeatureSet features, boolean perSeat, TrialSpec trial, boolean promotionCodes) {
			this(kind, key, name, lookupKey, amount, interval, includedCredits, overagePerCredit, credits, minQuantity,
					maxQuantity, features, perSeat, trial, promotionCodes, Map.of());
		}

		Item(Kind kind, String key, String name, String lookupKey, long amount, String interval,
				BigDecimal includedCredits, BigDecimal overagePerCredit, BigDecimal credits, Integer minQuantity,
				Integer maxQuantity) {
			this(kind, key, name, lookupKey, amount, interval, includedCredits, overagePerCredit, credits, minQuantity,
					maxQuantity, FeatureSet.EMPTY, false, null, false);
		}

		/** The price metadata Billforge reads back when it discovers the catalog. */
		Map<String, String> priceMetadata(String productTag) {
			Map<String, String> m = new LinkedHashMap<>();
			m.put("product", productTag);
			m.put("kind", kind.code());
			m.put("tier", key);
			m.put("catalog_key", lookupKey);
			if (includedCredits != null) {
				m.put("included_credits", includedCredits.toPlainString());
			}
			if (overagePerCredit != null) {
				m.put("overage_unit_amount_decimal", overagePerCredit.toPlainString());
			}
			if (credits != null) {
				m.put("credits", credits.toPlainString());
			}
			if (minQuantity != null) {
				m.put("min_quantity", minQuantity.toString());
			}
			if (maxQuantity != null) {
				m.put("max_quantity", maxQuantity.toString());
			}
			// Only when set, so prices pushed before features existed still match and are
			// not replaced.
			if (features != null && !features.isEmpty()) {
				m.put("features", features.toMetadata());
			}
			if (perSeat) {
				m.put("per_seat", "true");
			}
			// Written only when set, so catalogs without trials or codes keep their
			// prices (and subscribers).
			if (trial != null) {
				m.put("trial_days", Integer.toString(trial.days()));
				m.put("trial_card_required", Boolean.toString(trial.cardRequired()));
				if (trial.credits() != null && trial.credits().signum() > 0) {
					m.put("trial_credits", trial.credits().toPlainString());
				}
			}
			if (promotionCodes) {
				m.put("allow_promotion_codes", "true");
			}
			// Each other currency's overage rate; the option's amount is Stripe's own
			// currency_options.
			currencyOptions.forEach((code, option) -> {
				if (option.overageUnitAmountDecimal() != null) {
					m.put(OVERAGE_IN + code, option.overageUnitAmountDecimal().toPlainString());
				}
			});
			return m;
		}

	}

	/**
	 * A plan's trial in the file: {@code trialDays}, {@code trialCardRequired} (default
	 * true), {@code trialCredits}.
	 */
	record TrialSpec(int days, boolean cardRequired, BigDecimal credits) {
	}

	/**
	 * A coupon ({@code percentOff} or {@code amountOff} in minor units of the catalog's
	 * currency; {@code duration} {@code once|repeating|forever}, {@code durationInMonths}
	 * with repeating) and the promotion codes that redeem it.
	 */
	record CouponSpec(String id, String name, BigDecimal percentOff, Long amountOff, String duration,
			Integer durationInMonths, List<String> promotionCodes) {
	}

	static Optional<CatalogFile> load(Resource resource) {
		if (resource == null || !resource.exists()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return Optional.of(parse(root, resource.getDescription()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the catalog file " + resource.getDescription(), ex);
		}
	}

	@SuppressWarnings("unchecked")
	static CatalogFile parse(Object root, String source) {
		if (!(root instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException(source + ": expected a mapping with currency, plans and packs");
		}
		String currency = text(map, "currency", source).toLowerCase(java.util.Locale.ROOT);
		if (!CURRENCY.matcher(currency).matches()) {
			throw new IllegalArgumentException(source + ": currency must be a three-letter ISO code such as usd");
		}
		boolean codesByDefault = flag(map, "allowPromotionCodes", false, source);
		List<Item> items = new ArrayList<>();
		for (Object o : list(map.get("plans"), "plans", source)) {
			Map<String, Object> p = (Map<String, Object>) o;
			String key = key(p, source);
			String interval = Optional.ofNullable((String) p.get("interval")).orElse("month");
			if (!List.of("day", "week", "month", "year").contains(interval)) {
				throw new IllegalArgumentException(
						source + ": plan " + key + ": interval must be day, week, month or year");
			}
			Object seats = p.getOrDefault("seats", false);
			if (!(seats instanceof Boolean)) {
				throw new IllegalArgumentException(source + ": plan " + key + ": seats must be true or false");
			}
			items.add(new Item(Kind.PLAN, key, text(p, "name", source), text(p, "lookupKey", source),
					amount(p, "amount", source), interval, decimal(p, "includedCredits", source, true),
					decimal(p, "overagePerCredit", source, false), null, null, null,
					features(p.get("features"), source + ": plan " + key), (Boolean) seats, trial(p, key, source),
					flag(p, "allowPromotionCodes", codesByDefault, source),
					currencyOptions(p, currency, p.get("overagePerCredit") != null, source + ": plan " + key)));
		}
		for (Object o : list(map.get("packs"), "packs", source)) {
			Map<String, Object> p = (Map<String, Object>) o;
			String key = key(p, source);
			items.add(new Item(Kind.PACK, key, text(p, "name", source), text(p, "lookupKey", source),
					amount(p, "amount", source), null, null, null, decimal(p, "credits", source, true),
					(Integer) p.getOrDefault("minQuantity", 1), (Integer) p.getOrDefault("maxQuantity", 100),
					features(p.get("features"), source + ": pack " + key), false, null,
					flag(p, "allowPromotionCodes", codesByDefault, source),
					currencyOptions(p, currency, false, source + ": pack " + key)));
		}
		List<CouponSpec> coupons = new ArrayList<>();
		for (Object o : list(map.get("coupons"), "coupons", source)) {
			coupons.add(coupon((Map<String, Object>) o, source));
		}
		if (MoneyFormat.decimals(currency) == 3) {
			// Stripe takes three-decimal currencies in multiples of 10 minor units, the
			// catalog's own as its options.
			items.stream().filter(i -> i.amount() % 10 != 0).findFirst().ifPresent(i -> {
				throw new IllegalArgumentException(
						source + ": " + i.key() + ": amount must be a multiple of 10 in a three-decimal currency");
			});
		}
		long distinct = items.stream().map(Item::lookupKey).distinct().count();
		if (distinct != items.size() || items.stream().map(Item::key).distinct().count() != items.size()) {
			throw new IllegalArgumentException(source + ": keys and lookup keys must be unique");
		}
		long codes = coupons.stream()
			.flatMap(c -> c.promotionCodes().stream())
			.map(String::toUpperCase)
			.distinct()
			.count();
		if (coupons.stream().map(CouponSpec::id).distinct().count() != coupons.size()
				|| codes != coupons.stream().mapToLong(c -> c.promotionCodes().size()).sum()) {
			throw new IllegalArgumentException(source + ": coupon ids and promotion codes must be unique");
		}
		return new CatalogFile(currency, List.copyOf(items), featureCatalog(map, source), List.copyOf(coupons));
	}

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	@SuppressWarnings("unchecked")
	private static CouponSpec coupon(Map<String, Object> c, String source) {
		String id = text(c, "id", source);
		if (!CODE.matcher(id).matches()) {
			throw new IllegalArgumentException(source + ": coupon id '" + id + "' must match " + CODE.pattern());
		}
		BigDecimal percent = decimal(c, "percentOff", source, false);
		Long amountOff = c.containsKey("amountOff") ? amount(c, "amountOff", source) : null;
		if ((percent == null) == (amountOff == null) || (percent != null
				&& (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.scale() > 2))
				|| (amountOff != null && amountOff < 1)) {
			throw new IllegalArgumentException(source + ": coupon " + id
					+ ": give either percentOff (above 0, at most 100, two decimals) or amountOff (minor units, at least 1)");
		}
		String duration = Optional.ofNullable((String) c.get("duration")).orElse("once");
		Integer months = (Integer) c.get("durationInMonths");
		if (!List.of("once", "repeating", "forever").contains(duration)
				|| "repeating".equals(duration) != (months != null)
				|| (months != null && (months < 1 || months > 36))) {
			throw new IllegalArgumentException(source + ": coupon " + id
					+ ": duration is once, repeating (with durationInMonths 1..36) or forever");
		}
		List<String> codes = new ArrayList<>();
		for (Object code : list(c.get("promotionCodes"), "promotionCodes", source)) {
			if (!(code instanceof String s) || !CODE.matcher(s).matches()) {
				throw new IllegalArgumentException(
						source + ": coupon " + id + ": promotion code '" + code + "' must match " + CODE.pattern());
			}
			codes.add(s);
		}
		return new CouponSpec(id, (String) c.get("name"), percent, amountOff, duration, months, List.copyOf(codes));
	}

	/**
	 * {@code currencyOptions: {eur: {amount: 9200, overagePerCredit: 0.92}}}: a
	 * three-letter code other than the default, a whole amount (a multiple of 10 in
	 * three-decimal currencies, which Stripe requires), and an overage rate exactly when
	 * the plan has one, so overage is billable in every currency the plan is sold in.
	 */
	private static Map<String, CurrencyOption> currencyOptions(Map<String, Object> p, String defaultCurrency,
			boolean overage, String where) {
		Object value = p.get("currencyOptions");
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> options)) {
			throw new IllegalArgumentException(
					where + ": currencyOptions must be a mapping of currency: {amount: ...}");
		}
		Map<String, CurrencyOption> result = new java.util.TreeMap<>();
		for (Map.Entry<?, ?> e : options.entrySet()) {
			String code = String.valueOf(e.getKey());
			if (!CURRENCY.matcher(code).matches() || code.equals(defaultCurrency)) {
				throw new IllegalArgumentException(where + ": currencyOptions: '" + code
						+ "' must be a lower-case three-letter currency code other than the catalog's "
						+ defaultCurrency);
			}
			if (!(e.getValue() instanceof Map<?, ?> o)) {
				throw new IllegalArgumentException(where + ": currencyOptions: " + code + " needs {amount: ...}");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> option = (Map<String, Object>) o;
			String in = where + ": currencyOptions: " + code;
			if (!option.keySet().stream().allMatch(k -> "amount".equals(k) || "overagePerCredit".equals(k))) {
				throw new IllegalArgumentException(in + ": only amount and overagePerCredit are allowed");
			}
			long amount = amount(option, "amount", in);
			if (MoneyFormat.decimals(code) == 3 && amount % 10 != 0) {
				throw new IllegalArgumentException(
						in + ": amount must be a multiple of 10 in a three-decimal currency");
			}
			BigDecimal rate = decimal(option, "overagePerCredit", in, false);
			if (overage != (rate != null)) {
				throw new IllegalArgumentException(
						in + (overage ? ": overagePerCredit is required, since the plan has overage"
								: ": overagePerCredit is allowed only on a plan with overagePerCredit"));
			}
			result.put(code, new CurrencyOption(amount, rate));
		}
		return result;
	}

	private static TrialSpec trial(Map<String, Object> p, String key, String source) {
		if (!p.containsKey("trialDays")) {
			if (p.containsKey("trialCredits") || p.containsKey("trialCardRequired")) {
				throw new IllegalArgumentException(
						source + ": plan " + key + ": trialCredits and trialCardRequired need trialDays");
			}
			return null;
		}
		if (!(p.get("trialDays") instanceof Integer days) || days < 1 || days > 730) {
			throw new IllegalArgumentException(
					source + ": plan " + key + ": trialDays must be a whole number from 1 to 730");
		}
		return new TrialSpec(days, flag(p, "trialCardRequired", true, source),
				decimal(p, "trialCredits", source, false));
	}

	private static boolean flag(Map<?, ?> map, String name, boolean fallback, String source) {
		Object value = map.get(name);
		if (value == null) {
			return fallback;
		}
		if (!(value instanceof Boolean b)) {
			throw new IllegalArgumentException(source + ": '" + name + "' must be true or false");
		}
		return b;
	}

	private static FeatureSet features(Object value, String where) {
		try {
			return FeatureSet.fromYaml(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * {@code features:} (how each limit's use is counted: {@code {meter: <meter>}} or
	 * {@code {counter: members}}), {@code freeTier: {features: ...}} and
	 * {@code enterprise: {features: ...}}.
	 */
	private static FeatureCatalog featureCatalog(Map<?, ?> map, String source) {
		Map<String, FeatureCatalog.Counter> counters = new LinkedHashMap<>();
		Object defs = map.get("features");
		if (defs != null && !(defs instanceof Map<?, ?>)) {
			throw new IllegalArgumentException(
					source + ": features must be a mapping of feature: {meter: ...} or {counter: members}");
		}
		if (defs instanceof Map<?, ?> d) {
			for (Map.Entry<?, ?> e : d.entrySet()) {
				String name = String.valueOf(e.getKey());
				if (!FeatureSet.NAME.matcher(name).matches() || !(e.getValue() instanceof Map<?, ?> def)) {
					throw new IllegalArgumentException(source + ": features: '" + name
							+ "' must be a feature name with {meter: <meter>} or {counter: members}");
				}
				if (def.get("meter") instanceof String meter && !meter.isBlank()) {
					counters.put(name, FeatureCatalog.Counter.ofMeter(meter));
				}
				else if ("members".equals(def.get("counter"))) {
					counters.put(name, FeatureCatalog.Counter.MEMBERS);
				}
				else {
					throw new IllegalArgumentException(
							source + ": features: " + name + " needs {meter: <meter>} or {counter: members}");
				}
			}
		}
		return new FeatureCatalog(counters, section(map, "freeTier", source), section(map, "enterprise", source));
	}

	private static FeatureSet section(Map<?, ?> map, String name, String source) {
		Object value = map.get(name);
		if (value == null) {
			return FeatureSet.EMPTY;
		}
		if (!(value instanceof Map<?, ?> section)) {
			throw new IllegalArgumentException(source + ": " + name + " must be a mapping with features");
		}
		return features(section.get("features"), source + ": " + name);
	}

	private static List<?> list(Object value, String name, String source) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new IllegalArgumentException(source + ": " + name + " must be a list");
		}
		return list;
	}

	private static String key(Map<String, Object> p, String source) {
		String key = text(p, "key", source);
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException(source + ": key '" + key + "' must match " + KEY.pattern());
		}
		return key;
	}

	private static String text(Map<?, ?> map, String name, String source) {
		Object value = map.get(name);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException(source + ": '" + name + "' is required in " + map);
		}
		return value.toString();
	}

	private static long amount(Map<String, Object> p, String name, String source) {
		Object value = p.get(name);
		// Integer or Long only: a fractional amount must not be silently truncated.
		if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0) {
			throw new IllegalArgumentException(
					source + ": '" + name + "' must be a whole number of minor units in " + p);
		}
		return ((Number) value).longValue();
	}

	private static BigDecimal decimal(Map<String, Object> p, String name, String source, boolean required) {
		Object value = p.get(name);
		if (value == null) {
			if (required) {
				throw new IllegalArgumentException(source + ": '" + name + "' is required in " + p);
			}
			return null;
		}
		BigDecimal d = DecimalInput.tryParse(value.toString())
			.orElseThrow(() -> new IllegalArgumentException(source + ": " + DecimalInput.message("'" + name + "'")));
		if (d.signum() < 0) {
			throw new IllegalArgumentException(source + ": '" + name + "' may not be negative");
		}
		return d;
	}

}
