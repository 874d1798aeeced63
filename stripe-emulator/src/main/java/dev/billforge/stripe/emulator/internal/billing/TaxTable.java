package dev.billforge.stripe.emulator.internal.billing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * The emulator's stand-in for Stripe Tax: one deterministic, exclusive rate per customer
 * country, so tests can assert amounts. Countries not listed are not taxed
 * ({@code taxability_reason=not_collecting}).
 */
public final class TaxTable {

	/**
	 * Rates in percent: DE 19, FR 20, GB 20, NL 21, AT 20, JP 10, US 0 (no sales-tax
	 * registration).
	 */
	static final Map<String, BigDecimal> RATES = Map.of("DE", new BigDecimal("19"), "FR", new BigDecimal("20"), "GB",
			new BigDecimal("20"), "NL", new BigDecimal("21"), "AT", new BigDecimal("20"), "JP", new BigDecimal("10"),
			"US", BigDecimal.ZERO);

	private TaxTable() {
	}

	/**
	 * The rate in percent for a two-letter country code; zero when the country is unknown
	 * or not taxed.
	 */
	public static BigDecimal rate(String country) {
		return country == null ? BigDecimal.ZERO
				: RATES.getOrDefault(country.toUpperCase(Locale.ROOT), BigDecimal.ZERO);
	}

	public static boolean collects(String country) {
		return rate(country).signum() > 0;
	}

	/**
	 * The tax on {@code taxable} minor units, rounded half-up (negative for a credit
	 * line).
	 */
	public static long tax(long taxable, String country) {
		return Money.round(BigDecimal.valueOf(taxable).multiply(rate(country)).movePointLeft(2));
	}

	/** A stable tax-rate id per country, as Stripe Tax reports one per jurisdiction. */
	public static String taxRateId(String country) {
		return "txr_emulator_" + country.toUpperCase(Locale.ROOT);
	}

	/**
	 * A plausible two-letter country code (the hosted page and the test helper take it
	 * from people).
	 */
	public static boolean wellFormedCountry(String country) {
		return country != null && country.matches("[A-Za-z]{2}");
	}

}
