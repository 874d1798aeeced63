package dev.billforge.stripe.emulator.internal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

	@Test
	void zeroDecimalCurrenciesAreFormattedWithoutMinorUnits() {
		assertThat(Money.format(1500, "jpy")).endsWith("1500");
		assertThat(Money.format(2000, "usd")).isEqualTo("$20.00");
		assertThat(Money.zeroDecimal("KRW")).isTrue();
		assertThat(Money.zeroDecimal("eur")).isFalse();
	}

}
