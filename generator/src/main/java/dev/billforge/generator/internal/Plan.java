package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * A subscription plan: a price per interval in the currency's major unit, credits
 * included per period, and an optional overage price per credit beyond them (no overage
 * when null). The rest mirrors the platform catalog's plan fields (docs/billing.md); null
 * means "not set" and renders the platform's default.
 *
 * @param name the product name shown in Checkout; null: {@code <tenant name> <Key>}
 * @param lookupKey the price's lookup key; null: {@code <tag>_<key>_<monthly|yearly|...>}
 * @param seats priced per seat: price and included credits are per seat (docs/billing.md,
 * "Per-seat plans")
 * @param trialDays free trial length, 1 to 730 days; null: no trial
 * @param trialCardRequired whether Checkout asks for a card for the trial; null: the
 * platform default (true)
 * @param trialCredits credits granted for the trial; null: none
 * @param allowPromotionCodes whether Checkout takes promotion codes; null: the catalog's
 * {@code allow-promotion-codes}
 * @param currencyOptions the price (and overage) in other currencies, by lower-case code;
 * empty: the catalog's only
 */
public record Plan(String key, BigDecimal price, BigDecimal includedCredits, BigDecimal overage, String interval,
		String name, String lookupKey, boolean seats, Features features, Integer trialDays, Boolean trialCardRequired,
		BigDecimal trialCredits, Boolean allowPromotionCodes, SortedMap<String, CurrencyOption> currencyOptions) {

	static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,29}");

	/**
	 * Lookup keys the generator writes: bounded, and safe in YAML, URLs and Stripe search
	 * queries.
	 */
	static final Pattern LOOKUP_KEY = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");

	private static final List<String> INTERVALS = List.of("day", "week", "month", "year");

	public Plan {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new InvalidAnswerException("--plan", "plan key '" + (key == null ? null : Texts.shown(key))
					+ "' must be lower case letters, digits and _ (starting with a letter, at most 30)");
		}
		String option = "plan '" + key + "'";
		if (price == null || includedCredits == null) {
			throw new InvalidAnswerException("--plan", "plan '" + key + "' needs a price and included credits");
		}
		price = Decimals.normal(price); // whole minor units of the catalog's currency:
										// checked by Catalog
		includedCredits = Decimals.normal(includedCredits);
		overage = overage == null ? null : Decimals.normal(overage);
		if (price.signum() < 0 || includedCredits.signum() < 0 || (overage != null && overage.signum() < 0)) {
			throw new InvalidAnswerException("--plan",
					option + ": price, included credits and overage must not be negative");
		}
		interval = interval == null ? "month" : interval;
		if (!INTERVALS.contains(interval)) {
			throw new InvalidAnswerException("--plan", "interval of plan '" + key + "' must be one of " + INTERVALS);
		}
		name = displayName("--plan", option, name);
		lookupKey = lookupKey("--plan", option, lookupKey);
		features = features == null ? Features.NONE : features;
		if (trialDays == null && (trialCardRequired != null || trialCredits != null)) {
			throw new InvalidAnswerException("--plan",
					option + ": trial-card-required and trial-credits need trial-days");
		}
		if (trialDays != null && (trialDays < 1 || trialDays > 730)) {
			throw new InvalidAnswerException("--plan", option + ": trial-days must be a whole number from 1 to 730");
		}
		trialCredits = trialCredits == null ? null : Decimals.normal(trialCredits);
		if (trialCredits != null && trialCredits.signum() < 0) {
			throw new InvalidAnswerException("--plan", option + ": trial-credits must not be negative");
		}
		currencyOptions = CurrencyOption.copy("--plan", option, currencyOptions);
	}

	/** A plan with only the command line's fields. */
	public Plan(String key, BigDecimal price, BigDecimal includedCredits, BigDecimal overage, String interval) {
		this(key, price, includedCredits, overage, interval, null, null, false, Features.NONE, null, null, null, null,
				null);
	}

	/**
	 * A product name shown in Checkout and invoices: one line, at most 80 characters;
	 * null stays null (the default).
	 */
	static String displayName(String option, String what, String name) {
		if (name == null) {
			return null;
		}
		if (name.isBlank() || name.length() > 80 || name.codePoints().anyMatch(Character::isISOControl)
				|| !name.equals(name.strip())) {
			throw new InvalidAnswerException(option, what
					+ ": name must be one line of 1 to 80 characters, without control characters or spaces around it");
		}
		return name;
	}

	static String lookupKey(String option, String what, String lookupKey) {
		if (lookupKey != null && !LOOKUP_KEY.matcher(lookupKey).matches()) {
			throw new InvalidAnswerException(option, what + ": lookup key '" + Texts.shown(lookupKey)
					+ "' must be lower case letters, digits, _ . and - (starting with a letter, at most 100)");
		}
		return lookupKey;
	}

	/**
	 * Parses
	 * {@code key:price:includedCredits[:overage=perCredit][:interval=month][:seats][:trial=days]},
	 * e.g. {@code team:99:15000:overage=0.01} or {@code team:49:100:seats}.
	 */
	public static Plan parse(String text) {
		if (text.length() > 200) {
			throw new InvalidAnswerException("--plan", "'" + Texts.shown(text) + "' is longer than 200 characters");
		}
		String[] parts = text.split(":", -1);
		if (parts.length < 3) {
			throw new InvalidAnswerException("--plan", "'" + text
					+ "' is not key:price:included-credits[:overage=0.01][:interval=month][:seats][:trial=14]");
		}
		String key = parts[0].strip();
		BigDecimal price = Decimals.parse("--plan", parts[1].strip(), "price of plan '" + key + "'");
		BigDecimal included = Decimals.parse("--plan", parts[2].strip(), "included credits of plan '" + key + "'");
		BigDecimal overage = null;
		String interval = null;
		boolean seats = false;
		Integer trialDays = null;
		for (int i = 3; i < parts.length; i++) {
			String p = parts[i].strip();
			if (p.startsWith("overage=")) {
				overage = Decimals.parse("--plan", p.substring(8), "overage of plan '" + key + "'");
			}
			else if (p.startsWith("interval=")) {
				interval = p.substring(9);
			}
			else if (p.equals("seats")) {
				seats = true;
			}
			else if (p.startsWith("trial=") && p.substring(6).matches("\\d{1,3}")) {
				trialDays = Integer.valueOf(p.substring(6));
			}
			else {
				throw new InvalidAnswerException("--plan", "unknown part '" + p + "' in '" + text
						+ "' (overage=<price per credit>, interval=<day|week|month|year>, seats or trial=<days>)");
			}
		}
		return new Plan(key, price, included, overage, interval, null, null, seats, Features.NONE, trialDays, null,
				null, null, null);
	}

	String intervalSuffix() {
		return switch (interval) {
			case "day" -> "daily";
			case "week" -> "weekly";
			case "year" -> "yearly";
			default -> "monthly";
		};
	}

	String nameIn(TenantAnswers a) {
		if (name != null) {
			return name;
		}
		String words = key.replace('_', ' ');
		return a.name() + " " + words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

	String lookupKeyIn(String tag) {
		return lookupKey != null ? lookupKey : tag + "_" + key + "_" + intervalSuffix();
	}
}
