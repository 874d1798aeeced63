package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Stripe amounts (integer minor units) as people read them. The number of decimals is
 * Stripe's, not Java's: Stripe's zero-decimal currencies (JPY, KRW, ...) have none, its
 * three-decimal ones (KWD, ...) three, everything else two — the two lists differ for a
 * few currencies (e.g. ISK, UGX).
 */
final class MoneyFormat {

	/** https://docs.stripe.com/currencies#zero-decimal */
	private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
			"pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

	/** https://docs.stripe.com/currencies#three-decimal */
	private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

	private MoneyFormat() {
	}

	static int decimals(String currency) {
		String code = currency.toLowerCase(Locale.ROOT);
		return ZERO_DECIMAL.contains(code) ? 0 : THREE_DECIMAL.contains(code) ? 3 : 2;
	}

	/**
	 * An exact amount in minor units (e.g. credits × a fractional price per credit) as an
	 * amount Stripe accepts: half-up to whole minor units, and for three-decimal
	 * currencies half-up to a multiple of 10, since Stripe requires their last digit to
	 * be 0 (12.345 KWD is charged as 12.350, amount 12350). Zero-decimal currencies need
	 * nothing more: their minor unit is the whole unit.
	 */
	static long chargeable(BigDecimal exactMinorUnits, String currency) {
		if (decimals(currency) == 3) {
			return exactMinorUnits.movePointLeft(1)
				.setScale(0, java.math.RoundingMode.HALF_UP)
				.movePointRight(1)
				.longValueExact();
		}
		return exactMinorUnits.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
	}

	/**
	 * {@code 1000 usd} → "$10.00" (English), "10,00 $" (German); {@code 1000 jpy} →
	 * "¥1,000".
	 */
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
