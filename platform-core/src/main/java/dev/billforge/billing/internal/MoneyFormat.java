package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Stripe amounts (integer minor units) as people read them. The number of decimals is Stripe's, not
 * Java's: Stripe's zero-decimal currencies (JPY, KRW, ...) have none, its three-decimal ones (KWD, ...)
 * three, everything else two — the two lists differ for a few currencies (e.g. ISK, UGX).
 */
final class MoneyFormat {

	/** https://docs.stripe.com/currencies#zero-decimal */
	private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg",
			"rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

	/** https://docs.stripe.com/currencies#three-decimal */
	private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

	private MoneyFormat() {
	}

	static int decimals(String currency) {
		String code = currency.toLowerCase(Locale.ROOT);
		return ZERO_DECIMAL.contains(code) ? 0 : THREE_DECIMAL.contains(code) ? 3 : 2;
	}

	/** {@code 1000 usd} → "$10.00" (English), "10,00 $" (German); {@code 1000 jpy} → "¥1,000". */
	static String format(long minorUnits, String currency, Locale locale) {
		int decimals = decimals(currency);
		BigDecimal amount = BigDecimal.valueOf(minorUnits, decimals);
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		try {
			format.setCurrency(Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException unknown) {
			NumberFormat plain = NumberFormat.getNumberInstance(locale);
			plain.setMinimumFractionDigits(decimals);
			plain.setMaximumFractionDigits(decimals);
			return plain.format(amount) + " " + currency.toUpperCase(Locale.ROOT);
		}
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(amount);
	}

}
