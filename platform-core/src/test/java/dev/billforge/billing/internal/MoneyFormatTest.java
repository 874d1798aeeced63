package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class MoneyFormatTest {

	@Test
	void twoDecimalCurrenciesShowCents() {
		assertThat(MoneyFormat.format(1000, "usd", Locale.ENGLISH)).isEqualTo("$10.00");
		assertThat(MoneyFormat.format(9905, "eur", Locale.GERMAN)).isEqualTo("99,05\u00a0€");
	}

	@Test
	void zeroDecimalCurrenciesAreWholeUnits() {
		assertThat(MoneyFormat.format(1000, "jpy", Locale.ENGLISH)).isEqualTo("¥1,000");
		// Java gives UGX two decimals; Stripe counts it in whole shillings.
		assertThat(MoneyFormat.format(5000, "ugx", Locale.ENGLISH)).contains("5,000").doesNotContain(".");
	}

	@Test
	void threeDecimalCurrenciesShowThreeDecimals() {
		assertThat(MoneyFormat.format(1500, "kwd", Locale.ENGLISH)).contains("1.500");
	}

	@Test
	void anUnknownCurrencyCodeIsShownAfterTheAmount() {
		assertThat(MoneyFormat.format(250, "xyz", Locale.ENGLISH)).isEqualTo("2.50 XYZ");
	}

	@Test
	void chargeableAmountsFollowStripesMinorUnitRules() {
		assertThat(MoneyFormat.chargeable(new java.math.BigDecimal("617.5"), "usd")).isEqualTo(618);
		assertThat(MoneyFormat.chargeable(new java.math.BigDecimal("2999.4"), "jpy")).as("yen are whole")
			.isEqualTo(2999);
		assertThat(MoneyFormat.chargeable(new java.math.BigDecimal("12346.17"), "kwd")).isEqualTo(12350);
		assertThat(MoneyFormat.chargeable(new java.math.BigDecimal("12344.99"), "omr")).isEqualTo(12340);
		assertThat(MoneyFormat.chargeable(java.math.BigDecimal.ZERO, "bhd")).isZero();
	}

}
