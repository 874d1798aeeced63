package dev.billforge.stripe.emulator.internal.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Amounts are integer minor units; zero-decimal currencies (JPY, KRW, ...) have no minor
 * unit.
 */
public final class Money {

	private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
			"pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

	private Money() {
	}

	public static boolean zeroDecimal(String currency) {
		return ZERO_DECIMAL.contains(currency.toLowerCase(Locale.ROOT));
	}

	/** Human display, e.g. {@code $20.00}, {@code ¥500}. */
	public static String format(long minor, String currency) {
		String code = currency.toUpperCase(Locale.ROOT);
		BigDecimal major = zeroDecimal(currency) ? BigDecimal.valueOf(minor) : BigDecimal.valueOf(minor, 2);
		String symbol;
		try {
			symbol = Currency.getInstance(code).getSymbol(Locale.US);
		}
		catch (IllegalArgumentException e) {
			symbol = code + " ";
		}
		return symbol + major.toPlainString();
	}

	/**
	 * Rounds a decimal amount of minor units to an integer (half up, like Stripe's
	 * display rounding).
	 */
	public static long round(BigDecimal minorUnits) {
		return minorUnits.setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

}
