package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code src/main/resources/catalog.yml} in platform-core's catalog-as-code
 * format (docs/billing.md) from tenant.yml's {@code catalog}: amounts in minor units,
 * names and lookup keys given or derived, optional fields only when set (a field the
 * platform reads into price metadata must not appear by default, or a push would replace
 * every price).
 */
final class CatalogRenderer {

	private CatalogRenderer() {
	}

	static String render(TenantAnswers a) {
		Catalog c = a.catalog();
		StringBuilder y = new StringBuilder(2048);
		y.append("# ")
			.append(a.name())
			.append("'s Stripe catalog as code (see docs/billing.md, \"Catalog as code\"),\n");
		y.append("# generated from tenant.yml \"catalog\": change it there and run `regenerate`.\n");
		y.append("# Push it with:  java -jar ")
			.append(a.module())
			.append(".jar --billforge.billing.catalog.push=true [--billforge.billing.catalog.dry-run=true]\n");
		y.append("# Amounts are integers in the currency's minor unit; overagePerCredit is minor units per ")
			.append(a.creditName())
			.append(" and may be fractional.\n");
		y.append("currency: ").append(c.currency()).append('\n');
		if (c.allowPromotionCodes()) {
			y.append("allowPromotionCodes: true\n");
		}
		if (!c.counters().isEmpty()) {
			y.append("features:\n");
			c.counters()
				.forEach((feature,
						counter) -> y.append("  ").append(feature).append(": ").append(counter.yaml()).append('\n'));
		}
		if (!c.freeTier().isEmpty()) {
			y.append("freeTier:\n  features: ").append(c.freeTier().yaml()).append('\n');
		}
		if (!c.enterprise().isEmpty()) {
			y.append("enterprise:\n  features: ").append(c.enterprise().yaml()).append('\n');
		}
		y.append("plans:").append(c.plans().isEmpty() ? " []" : "").append('\n');
		for (Plan p : c.plans()) {
			plan(y, a, p);
		}
		y.append("packs:").append(c.packs().isEmpty() ? " []" : "").append('\n');
		for (Pack p : c.packs()) {
			pack(y, a, p);
		}
		if (!c.coupons().isEmpty()) {
			y.append("coupons:\n");
			for (Coupon coupon : c.coupons()) {
				coupon(y, c.currency(), coupon);
			}
		}
		return y.toString();
	}

	private static void plan(StringBuilder y, TenantAnswers a, Plan p) {
		String currency = a.currency();
		y.append("  - key: ").append(p.key()).append('\n');
		y.append("    name: ").append(Texts.quoted(p.nameIn(a))).append('\n');
		y.append("    lookupKey: ").append(p.lookupKeyIn(a.tag())).append('\n');
		y.append("    amount: ")
			.append(commented(Decimals.minorUnits("--plan", p.price(), currency),
					money(p.price(), currency) + (p.seats() ? " per seat and " : " per ") + p.interval()))
			.append('\n');
		y.append("    interval: ").append(p.interval()).append('\n');
		y.append("    includedCredits: ").append(decimal(p.includedCredits())).append('\n');
		if (p.overage() != null) {
			y.append("    overagePerCredit: ")
				.append(decimal(Decimals.minorUnitsPerCredit(p.overage(), currency)))
				.append('\n');
		}
		if (p.seats()) {
			y.append("    seats: true          # amount and includedCredits are per seat; quantity = seats\n");
		}
		if (!p.features().isEmpty()) {
			y.append("    features: ").append(p.features().yaml()).append('\n');
		}
		if (p.trialDays() != null) {
			y.append("    trialDays: ").append(p.trialDays()).append('\n');
			if (p.trialCardRequired() != null) {
				y.append("    trialCardRequired: ").append(p.trialCardRequired()).append('\n');
			}
			if (p.trialCredits() != null) {
				y.append("    trialCredits: ").append(decimal(p.trialCredits())).append('\n');
			}
		}
		if (p.allowPromotionCodes() != null) {
			y.append("    allowPromotionCodes: ").append(p.allowPromotionCodes()).append('\n');
		}
		currencyOptions(y, "--plan", p.currencyOptions());
	}

	private static void pack(StringBuilder y, TenantAnswers a, Pack p) {
		y.append("  - key: ").append(p.catalogKey()).append('\n');
		y.append("    name: ").append(Texts.quoted(p.nameIn(a))).append('\n');
		y.append("    lookupKey: ").append(p.lookupKeyIn(a.tag())).append('\n');
		y.append("    amount: ")
			.append(commented(Decimals.minorUnits("--pack", p.price(), a.currency()), money(p.price(), a.currency())))
			.append('\n');
		y.append("    credits: ").append(Decimals.plain(p.credits())).append('\n');
		y.append("    minQuantity: ").append(p.min()).append('\n');
		y.append("    maxQuantity: ").append(p.max()).append('\n');
		if (!p.features().isEmpty()) {
			y.append("    features: ").append(p.features().yaml()).append('\n');
		}
		if (p.allowPromotionCodes() != null) {
			y.append("    allowPromotionCodes: ").append(p.allowPromotionCodes()).append('\n');
		}
		currencyOptions(y, "--pack", p.currencyOptions());
	}

	/**
	 * Only when set: {@code eur: {amount: 9200, overagePerCredit: "0.92"}}, amounts in
	 * that currency's minor units (overage per credit may be fractional, so quoted as the
	 * platform reads it exactly).
	 */
	private static void currencyOptions(StringBuilder y, String option, Map<String, CurrencyOption> options) {
		if (options.isEmpty()) {
			return;
		}
		y.append("    currencyOptions:\n");
		options.forEach((code, o) -> {
			String value = "{amount: " + Decimals.minorUnits(option, o.price(), code) + (o.overage() == null ? ""
					: ", overagePerCredit: " + decimal(Decimals.minorUnitsPerCredit(o.overage(), code))) + "}";
			y.append("      ")
				.append(code)
				.append(": ")
				.append(value)
				.append("  # ")
				.append(money(o.price(), code))
				.append('\n');
		});
	}

	private static void coupon(StringBuilder y, String currency, Coupon c) {
		y.append("  - id: ").append(c.id()).append('\n');
		if (c.name() != null) {
			y.append("    name: ").append(Texts.quoted(c.name())).append('\n');
		}
		if (c.percentOff() != null) {
			y.append("    percentOff: ").append(decimal(c.percentOff())).append('\n');
		}
		else {
			y.append("    amountOff: ")
				.append(commented(Decimals.minorUnits("coupons", c.amountOff(), currency),
						money(c.amountOff(), currency)))
				.append('\n');
		}
		y.append("    duration: ").append(c.duration()).append('\n');
		if (c.durationInMonths() != null) {
			y.append("    durationInMonths: ").append(c.durationInMonths()).append('\n');
		}
		if (!c.promotionCodes().isEmpty()) {
			y.append("    promotionCodes: ")
				.append(c.promotionCodes().stream().collect(Collectors.joining(", ", "[", "]")))
				.append('\n');
		}
	}

	/**
	 * {@code 150000} with a comment aligned at column 24 of the line:
	 * {@code # EUR 1500 per month}.
	 */
	private static String commented(long minor, String comment) {
		String value = Long.toString(minor);
		return value + " ".repeat(Math.max(1, 12 - value.length())) + "# " + comment;
	}

	/**
	 * Whole numbers plain; fractions quoted, so the platform reads the exact text, never
	 * a YAML float.
	 */
	private static String decimal(BigDecimal value) {
		String plain = Decimals.plain(value);
		return plain.indexOf('.') < 0 ? plain : Texts.quoted(plain);
	}

	private static String money(BigDecimal major, String currency) {
		return currency.toUpperCase(Locale.ROOT) + " " + Decimals.plain(major);
	}

}
