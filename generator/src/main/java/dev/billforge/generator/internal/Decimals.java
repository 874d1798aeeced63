package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.Set;

/** Exact decimals as the answers and the generated files write them. */
final class Decimals {

	/**
	 * Stripe's zero-decimal and three-decimal currencies (as platform-core's
	 * MoneyFormat); the rest have two.
	 */
	private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
			"pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

	private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

	/** Longest decimal text read (digits and point): bounded before it is parsed. */
	private static final int MAX_LENGTH = 30;

	private Decimals() {
	}

	static BigDecimal parse(String option, String text, String what) {
		if (text == null || text.length() > MAX_LENGTH || !text.matches("\\d{1,15}(\\.\\d{1,12})?")) {
			throw new InvalidAnswerException(option, what + " '" + text
					+ "' is not a non-negative decimal like 19 or 0.001 (at most 15 digits before and 12 after the point)");
		}
		return normal(new BigDecimal(text));
	}

	/**
	 * A decimal from tenant.yml: a quoted text or a YAML integer. A YAML float (1.10
	 * unquoted) is refused — it was already read as a binary double, which may not be the
	 * amount written.
	 */
	static BigDecimal read(String option, Object value, String what) {
		if (value instanceof Double || value instanceof Float) {
			throw new InvalidAnswerException(option, what + " " + value + " must be quoted (\"" + value
					+ "\"): decimals are read exactly, never as floating point");
		}
		return parse(option, value == null ? null : value.toString(), what);
	}

	static BigDecimal normal(BigDecimal value) {
		BigDecimal d = value.stripTrailingZeros();
		return d.scale() < 0 ? d.setScale(0) : d;
	}

	/** Fractional digits of the currency's minor unit (JPY 0, USD 2, KWD 3). */
	static int exponent(String currency) {
		return ZERO_DECIMAL.contains(currency) ? 0 : THREE_DECIMAL.contains(currency) ? 3 : 2;
	}

	/**
	 * Amount in the currency's major unit to minor units (cents); refuses fractions of a
	 * cent.
	 */
	static long minorUnits(String option, BigDecimal major) {
		return minorUnits(option, major, "usd");
	}

	/**
	 * Amount in the currency's major unit to its minor units; refuses fractions of the
	 * minor unit.
	 */
	static long minorUnits(String option, BigDecimal major, String currency) {
		return minorUnits(option, "price", major, currency);
	}

	/**
	 * As {@link #minorUnits(String, BigDecimal, String)}, naming the amount {@code what}
	 * when refused.
	 */
	static long minorUnits(String option, String what, BigDecimal major, String currency) {
		BigDecimal minor = major.movePointRight(exponent(currency));
		if (minor.stripTrailingZeros().scale() > 0) {
			String code = currency.toUpperCase(java.util.Locale.ROOT);
			throw new InvalidAnswerException(option,
					what + " " + major.toPlainString() + " has fractions of " + switch (exponent(currency)) {
						case 0 -> "a whole " + code;
						case 3 -> "a thousandth of " + code;
						default -> "a cent";
					});
		}
		if (exponent(currency) == 3 && minor.remainder(BigDecimal.TEN).signum() != 0) {
			throw new InvalidAnswerException(option, what + " " + major.toPlainString()
					+ " must end in 0 (Stripe takes three-decimal currencies in multiples of 0.010)");
		}
		if (minor.compareTo(BigDecimal.valueOf(99_999_999_999L)) > 0) {
			throw new InvalidAnswerException(option,
					what + " " + major.toPlainString() + " is larger than Stripe accepts");
		}
		return minor.longValueExact();
	}

	/**
	 * A price per credit in the currency's minor unit, may be fractional
	 * (overagePerCredit).
	 */
	static BigDecimal minorUnitsPerCredit(BigDecimal major, String currency) {
		return normal(major.movePointRight(exponent(currency)));
	}

	static String plain(BigDecimal value) {
		return normal(value).toPlainString();
	}

}
