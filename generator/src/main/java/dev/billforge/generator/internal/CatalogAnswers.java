package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes and reads the {@code catalog} section of tenant.yml (docs/generator.md,
 * "Catalog").
 */
final class CatalogAnswers {

	/**
	 * The fields each part knows: anything else (a typo like {@code seat: true}) is
	 * refused, never ignored.
	 */
	private static final Set<String> CATALOG_FIELDS = Set.of("currency", "allow-promotion-codes", "feature-counters",
			"free-tier-features", "enterprise-features", "plans", "packs", "coupons");

	private static final Set<String> PLAN_FIELDS = Set.of("key", "name", "lookup-key", "price", "included-credits",
			"overage", "interval", "seats", "features", "trial-days", "trial-card-required", "trial-credits",
			"allow-promotion-codes", "currency-options");

	private static final Set<String> PACK_FIELDS = Set.of("credits", "price", "key", "name", "lookup-key",
			"min-quantity", "max-quantity", "features", "allow-promotion-codes", "currency-options");

	private static final Set<String> COUPON_FIELDS = Set.of("id", "name", "percent-off", "amount-off", "duration",
			"duration-in-months", "promotion-codes");

	private CatalogAnswers() {
	}

	private static void requireKnown(Map<?, ?> m, Set<String> known, String what) {
		for (Object key : m.keySet()) {
			if (!known.contains(String.valueOf(key))) {
				throw new InvalidAnswerException(Texts.shown(String.valueOf(key)),
						what + ": unknown field; known: " + String.join(", ", new TreeSet<>(known)));
			}
		}
	}

	static void write(StringBuilder y, Catalog c) {
		y.append("catalog:\n");
		y.append(
				"  # every field: docs/generator.md, \"Catalog in tenant.yml\"; prices in the currency's major unit\n");
		y.append("  currency: ").append(q(c.currency())).append('\n');
		if (c.allowPromotionCodes()) {
			y.append("  allow-promotion-codes: true\n");
		}
		if (!c.counters().isEmpty()) {
			y.append("  feature-counters:\n");
			c.counters()
				.forEach((feature, counter) -> y.append("    ")
					.append(feature)
					.append(": ")
					.append(counter.meter() == null ? "{counter: \"members\"}" : "{meter: " + q(counter.meter()) + "}")
					.append('\n'));
		}
		if (!c.freeTier().isEmpty()) {
			y.append("  free-tier-features: ").append(c.freeTier().yaml()).append('\n');
		}
		if (!c.enterprise().isEmpty()) {
			y.append("  enterprise-features: ").append(c.enterprise().yaml()).append('\n');
		}
		y.append("  plans:").append(c.plans().isEmpty() ? " []" : "").append('\n');
		for (Plan p : c.plans()) {
			y.append("    - key: ").append(q(p.key())).append('\n');
			optional(y, "name", p.name());
			optional(y, "lookup-key", p.lookupKey());
			y.append("      price: ").append(q(Decimals.plain(p.price()))).append('\n');
			y.append("      included-credits: ").append(q(Decimals.plain(p.includedCredits()))).append('\n');
			if (p.overage() != null) {
				y.append("      overage: ").append(q(Decimals.plain(p.overage()))).append('\n');
			}
			y.append("      interval: ").append(q(p.interval())).append('\n');
			if (p.seats()) {
				y.append("      seats: true\n");
			}
			if (!p.features().isEmpty()) {
				y.append("      features: ").append(p.features().yaml()).append('\n');
			}
			if (p.trialDays() != null) {
				y.append("      trial-days: ").append(p.trialDays()).append('\n');
			}
			if (p.trialCardRequired() != null) {
				y.append("      trial-card-required: ").append(p.trialCardRequired()).append('\n');
			}
			optional(y, "trial-credits", p.trialCredits() == null ? null : Decimals.plain(p.trialCredits()));
			if (p.allowPromotionCodes() != null) {
				y.append("      allow-promotion-codes: ").append(p.allowPromotionCodes()).append('\n');
			}
			currencyOptions(y, p.currencyOptions());
		}
		y.append("  packs:").append(c.packs().isEmpty() ? " []" : "").append('\n');
		for (Pack p : c.packs()) {
			y.append("    - credits: ").append(q(Decimals.plain(p.credits()))).append('\n');
			y.append("      price: ").append(q(Decimals.plain(p.price()))).append('\n');
			optional(y, "key", p.key());
			optional(y, "name", p.name());
			optional(y, "lookup-key", p.lookupKey());
			if (p.minQuantity() != null) {
				y.append("      min-quantity: ").append(p.minQuantity()).append('\n');
			}
			if (p.maxQuantity() != null) {
				y.append("      max-quantity: ").append(p.maxQuantity()).append('\n');
			}
			if (!p.features().isEmpty()) {
				y.append("      features: ").append(p.features().yaml()).append('\n');
			}
			if (p.allowPromotionCodes() != null) {
				y.append("      allow-promotion-codes: ").append(p.allowPromotionCodes()).append('\n');
			}
			currencyOptions(y, p.currencyOptions());
		}
		if (!c.coupons().isEmpty()) {
			y.append("  coupons:\n");
			for (Coupon k : c.coupons()) {
				y.append("    - id: ").append(q(k.id())).append('\n');
				optional(y, "name", k.name());
				optional(y, "percent-off", k.percentOff() == null ? null : Decimals.plain(k.percentOff()));
				optional(y, "amount-off", k.amountOff() == null ? null : Decimals.plain(k.amountOff()));
				y.append("      duration: ").append(q(k.duration())).append('\n');
				if (k.durationInMonths() != null) {
					y.append("      duration-in-months: ").append(k.durationInMonths()).append('\n');
				}
				if (!k.promotionCodes().isEmpty()) {
					y.append("      promotion-codes: ")
						.append(k.promotionCodes()
							.stream()
							.map(CatalogAnswers::q)
							.collect(java.util.stream.Collectors.joining(", ", "[", "]")))
						.append('\n');
				}
			}
		}
	}

	private static void currencyOptions(StringBuilder y, Map<String, CurrencyOption> options) {
		if (!options.isEmpty()) {
			y.append("      currency-options:\n");
			options.forEach((code, o) -> y.append("        ").append(code).append(": ").append(o.yaml()).append('\n'));
		}
	}

	private static void optional(StringBuilder y, String key, String value) {
		if (value != null) {
			y.append("      ").append(key).append(": ").append(q(value)).append('\n');
		}
	}

	private static String q(String s) {
		return Texts.quoted(s);
	}

	static Catalog read(Map<?, ?> c) {
		requireKnown(c, CATALOG_FIELDS, "catalog");
		TreeMap<String, Catalog.Counter> counters = new TreeMap<>();
		Object rawCounters = c.get("feature-counters");
		if (rawCounters != null && !(rawCounters instanceof Map<?, ?>)) {
			throw new InvalidAnswerException("feature-counters",
					"must be a mapping of feature: {meter: <meter>} or {counter: members}");
		}
		if (rawCounters instanceof Map<?, ?> defs) {
			for (Map.Entry<?, ?> e : defs.entrySet()) {
				String feature = String.valueOf(e.getKey());
				if (e.getValue() instanceof Map<?, ?> def && def.size() == 1
						&& def.get("meter") instanceof String meter) {
					counters.put(feature, new Catalog.Counter(meter));
				}
				else if (e.getValue() instanceof Map<?, ?> def && def.size() == 1
						&& "members".equals(def.get("counter"))) {
					counters.put(feature, Catalog.Counter.MEMBERS);
				}
				else {
					throw new InvalidAnswerException("feature-counters",
							Texts.shown(feature) + " needs {meter: <meter>} or {counter: members}");
				}
			}
		}
		List<Plan> plans = new ArrayList<>();
		for (Map<?, ?> e : AnswersFile.maps(c, "plans")) {
			String key = AnswersFile.str(e, "key");
			String what = "plan '" + Texts.shown(key) + "'";
			requireKnown(e, PLAN_FIELDS, what);
			plans.add(new Plan(key, Decimals.read("--plan", e.get("price"), "price of " + what),
					Decimals.read("--plan", e.get("included-credits"), "included credits of " + what),
					decimal("--plan", e, "overage", what), AnswersFile.opt(e, "interval"), AnswersFile.opt(e, "name"),
					AnswersFile.opt(e, "lookup-key"), flag(e, "seats", what) == Boolean.TRUE,
					Features.read("--plan", e.get("features")), whole(e, "trial-days", what),
					flag(e, "trial-card-required", what), decimal("--plan", e, "trial-credits", what),
					flag(e, "allow-promotion-codes", what), CurrencyOption.read("--plan", e, what, true)));
		}
		List<Pack> packs = new ArrayList<>();
		for (Map<?, ?> e : AnswersFile.maps(c, "packs")) {
			String what = "pack " + Texts.shown(String.valueOf(e.get("key") != null ? e.get("key") : e.get("credits")));
			requireKnown(e, PACK_FIELDS, what);
			packs.add(new Pack(Decimals.read("--pack", e.get("credits"), "credits of " + what),
					Decimals.read("--pack", e.get("price"), "price of " + what), AnswersFile.opt(e, "key"),
					AnswersFile.opt(e, "name"), AnswersFile.opt(e, "lookup-key"), whole(e, "min-quantity", what),
					whole(e, "max-quantity", what), Features.read("--pack", e.get("features")),
					flag(e, "allow-promotion-codes", what), CurrencyOption.read("--pack", e, what, false)));
		}
		List<Coupon> coupons = new ArrayList<>();
		for (Map<?, ?> e : AnswersFile.maps(c, "coupons")) {
			String what = "coupon " + Texts.shown(String.valueOf(e.get("id")));
			requireKnown(e, COUPON_FIELDS, what);
			List<String> codes = new ArrayList<>();
			Object rawCodes = e.get("promotion-codes");
			if (rawCodes != null && !(rawCodes instanceof List<?>)) {
				throw new InvalidAnswerException("coupons", what + ": promotion-codes must be a list");
			}
			if (rawCodes instanceof List<?> list) {
				list.forEach(code -> codes.add(code == null ? null : code.toString()));
			}
			coupons.add(new Coupon(AnswersFile.str(e, "id"), AnswersFile.opt(e, "name"),
					decimal("coupons", e, "percent-off", what), decimal("coupons", e, "amount-off", what),
					AnswersFile.opt(e, "duration"), whole(e, "duration-in-months", what), codes));
		}
		Boolean codes = flag(c, "allow-promotion-codes", "catalog");
		return new Catalog(AnswersFile.opt(c, "currency"), codes == Boolean.TRUE, counters,
				Features.read("free-tier-features", c.get("free-tier-features")),
				Features.read("enterprise-features", c.get("enterprise-features")), plans, packs, coupons);
	}

	private static BigDecimal decimal(String option, Map<?, ?> e, String key, String what) {
		Object v = e.get(key);
		return v == null ? null : Decimals.read(option, v, key + " of " + what);
	}

	private static Boolean flag(Map<?, ?> e, String key, String what) {
		Object v = e.get(key);
		if (v != null && !(v instanceof Boolean)) {
			throw new InvalidAnswerException(key, what + ": must be true or false");
		}
		return (Boolean) v;
	}

	private static Integer whole(Map<?, ?> e, String key, String what) {
		Object v = e.get(key);
		if (v != null && !(v instanceof Integer)) {
			throw new InvalidAnswerException(key, what + ": must be a whole number");
		}
		return (Integer) v;
	}

}
