package dev.billforge.generator.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code catalog} of tenant.yml: everything platform-core's catalog file accepts
 * (docs/billing.md), rendered into {@code src/main/resources/catalog.yml} by
 * {@link CatalogRenderer}. Prices are in the currency's major unit as exact decimals and
 * must be whole minor units of it.
 *
 * @param allowPromotionCodes Checkout takes promotion codes on every plan and pack that
 * does not say otherwise
 * @param counters how each limit feature's current use is counted
 * @param freeTier features of orgs without a subscription
 * @param enterprise features of orgs on an active enterprise contract
 */
public record Catalog(String currency, boolean allowPromotionCodes, SortedMap<String, Counter> counters,
		Features freeTier, Features enterprise, List<Plan> plans, List<Pack> packs, List<Coupon> coupons) {

	/**
	 * Items per list: a catalog is pushed item by item at start-up, so it stays small.
	 */
	static final int MAX_ITEMS = 50;

	/**
	 * How a limit's current use is counted: a meter's quantity in the period, or (meter
	 * null) members and invitations.
	 */
	public record Counter(String meter) {

		public static final Counter MEMBERS = new Counter(null);

		String yaml() {
			return meter == null ? "{counter: members}" : "{meter: " + meter + "}";
		}
	}

	public Catalog {
		currency = currency == null ? "usd" : currency.toLowerCase(Locale.ROOT);
		if (!currency.matches("[a-z]{3}")) {
			throw new InvalidAnswerException("--currency",
					"'" + Texts.shown(currency) + "' is not a three-letter ISO currency code");
		}
		counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters == null ? new TreeMap<>() : counters));
		if (counters.size() > MAX_ITEMS) {
			throw new InvalidAnswerException("feature-counters", "too many feature counters");
		}
		for (var e : counters.entrySet()) {
			if (!Features.NAME.matcher(e.getKey()).matches() || e.getValue() == null) {
				throw new InvalidAnswerException("feature-counters", "'" + Texts.shown(e.getKey())
						+ "' must be a feature name with {meter: <meter>} or {counter: members}");
			}
		}
		freeTier = freeTier == null ? Features.NONE : freeTier;
		enterprise = enterprise == null ? Features.NONE : enterprise;
		plans = List.copyOf(plans == null ? List.of() : plans);
		packs = List.copyOf(packs == null ? List.of() : packs);
		coupons = List.copyOf(coupons == null ? List.of() : coupons);
		if (plans.size() > MAX_ITEMS || packs.size() > MAX_ITEMS || coupons.size() > MAX_ITEMS) {
			throw new InvalidAnswerException("catalog", "at most " + MAX_ITEMS + " plans, packs and coupons each");
		}
		for (Plan p : plans) {
			Decimals.minorUnits("--plan", p.price(), currency);
			CurrencyOption.check("--plan", "plan '" + p.key() + "'", currency, p.overage() != null, false,
					p.currencyOptions());
		}
		for (Pack p : packs) {
			Decimals.minorUnits("--pack", p.price(), currency);
			CurrencyOption.check("--pack", "pack '" + p.catalogKey() + "'", currency, false, true, p.currencyOptions());
		}
		for (Coupon c : coupons) {
			if (c.amountOff() != null) {
				Decimals.minorUnits("coupons", c.amountOff(), currency);
			}
		}
		List<String> keys = new ArrayList<>(plans.stream().map(Plan::key).toList());
		requireUnique("--plan", keys);
		keys.addAll(packs.stream().map(Pack::catalogKey).toList());
		requireUnique("--pack", keys);
		requireUnique("coupons", coupons.stream().map(Coupon::id).toList());
		requireUnique("coupons",
				coupons.stream()
					.flatMap(c -> c.promotionCodes().stream())
					.map(code -> code.toUpperCase(Locale.ROOT))
					.toList());
	}

	/** A catalog with only the command line's fields. */
	public Catalog(String currency, List<Plan> plans, List<Pack> packs) {
		this(currency, false, null, Features.NONE, Features.NONE, plans, packs, List.of());
	}

	/**
	 * Whether tenant.yml says anything beyond the currency: then catalog.yml is
	 * generated.
	 */
	boolean isEmpty() {
		return plans.isEmpty() && packs.isEmpty() && coupons.isEmpty() && counters.isEmpty() && freeTier.isEmpty()
				&& enterprise.isEmpty() && !allowPromotionCodes;
	}

	/**
	 * Checks what needs the rest of the answers: meters of counters, credit scale, unique
	 * lookup keys.
	 */
	void check(String tag, int scale, List<Meter> tenantMeters) {
		Set<String> meters = new HashSet<>(tenantMeters.stream().map(Meter::name).toList());
		counters.forEach((feature, counter) -> {
			if (counter.meter() != null && !meters.contains(counter.meter())) {
				throw new InvalidAnswerException("feature-counters",
						feature + " counts meter '" + Texts.shown(counter.meter())
								+ "', which is not one of the tenant's meters " + new java.util.TreeSet<>(meters));
			}
		});
		for (Plan p : plans) {
			requireScale("--plan", "included credits of plan '" + p.key() + "'", p.includedCredits(), scale);
			if (p.trialCredits() != null) {
				requireScale("--plan", "trial credits of plan '" + p.key() + "'", p.trialCredits(), scale);
			}
		}
		List<String> lookupKeys = new ArrayList<>(plans.stream().map(p -> p.lookupKeyIn(tag)).toList());
		lookupKeys.addAll(packs.stream().map(p -> p.lookupKeyIn(tag)).toList());
		requireUnique("lookup-key", lookupKeys);
		for (String lookupKey : lookupKeys) {
			Plan.lookupKey("lookup-key", "the derived lookup key", lookupKey);
		}
	}

	private static void requireScale(String option, String what, java.math.BigDecimal value, int scale) {
		if (value.scale() > scale) {
			throw new InvalidAnswerException(option,
					what + " " + value.toPlainString() + " has more than " + scale + " fractional digits (--scale)");
		}
	}

	static void requireUnique(String option, List<String> keys) {
		Set<String> seen = new HashSet<>();
		for (String k : keys) {
			if (!seen.add(k)) {
				throw new InvalidAnswerException(option, "'" + k + "' is given twice");
			}
		}
	}
}
