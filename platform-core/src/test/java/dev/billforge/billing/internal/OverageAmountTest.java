package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class OverageAmountTest {

	@Test
	void overageIsCreditsTimesPricePerCreditInWholeMinorUnits() {
		// 500 SPU at 1 cent = $5.00
		assertThat(OverageBilling.amountMinorUnits(new BigDecimal("500"), new BigDecimal("1"), "usd")).isEqualTo(500);
		// 1,234.56 SPU at 0.5 cent = 617.28 cents -> 617
		assertThat(OverageBilling.amountMinorUnits(new BigDecimal("1234.56"), new BigDecimal("0.5"), "usd"))
			.isEqualTo(617);
		// half a minor unit rounds up
		assertThat(OverageBilling.amountMinorUnits(new BigDecimal("3"), new BigDecimal("0.5"), "usd")).isEqualTo(2);
	}

	@Test
	void zeroDecimalCurrenciesAreBilledInWholeUnits() {
		// JPY has no minor unit: 2 yen per credit × 1,500 credits = ¥3,000 (amount 3000,
		// not 300000)
		assertThat(OverageBilling.amountMinorUnits(new BigDecimal("1500"), new BigDecimal("2"), "jpy")).isEqualTo(3000);
	}

	@Test
	void threeDecimalCurrenciesAreBilledInMultiplesOfTen() {
		// KWD: 1,234 credits at 10.005 fils = 12,346.17 fils -> 12,350 (Stripe refuses a
		// last digit other than 0)
		assertThat(OverageBilling.amountMinorUnits(new BigDecimal("1234"), new BigDecimal("10.005"), "kwd"))
			.isEqualTo(12350);
		// BHD: 12,344 fils -> 12,340; exactly half of ten rounds up
		assertThat(OverageBilling.amountMinorUnits(new BigDecimal("12344"), BigDecimal.ONE, "bhd")).isEqualTo(12340);
		assertThat(OverageBilling.amountMinorUnits(new BigDecimal("12345"), BigDecimal.ONE, "BHD")).isEqualTo(12350);
	}

	@Test
	void theOverageLineSaysHowManyOutcomesOfWhichTypeItCovers() {
		assertThat(OverageBilling.description(new BigDecimal("600"), new BigDecimal("1"), "LC",
				new java.util.TreeMap<>(java.util.Map.of("lab_report", 3L, "ticket", 1L))))
			.isEqualTo(
					"Overage: 600 LC × 1 (minor units per LC); outcomes charged in this period: 3 lab_report, 1 ticket");
		assertThat(OverageBilling.description(new BigDecimal("600"), new BigDecimal("1"), "LC", java.util.Map.of()))
			.isEqualTo("Overage: 600 LC × 1 (minor units per LC)");
	}

}
