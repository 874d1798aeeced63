package dev.billforge.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalInputTest {

	@Test
	void hugeExponentIsRefusedWithoutExpandingIt() {
		long started = System.nanoTime();
		assertThat(DecimalInput.tryParse("1e100000")).isEmpty();
		assertThat(DecimalInput.tryParse("1e999999999")).isEmpty();
		assertThat(DecimalInput.tryParse("1e-100000")).isEmpty();
		// an unbounded parser spends seconds expanding 1e100000 to 100,001 digits
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
	}

	@Test
	void longDigitStringsAreRefusedBeforeParsing() {
		assertThat(DecimalInput.tryParse("9".repeat(5_000))).isEmpty();
		assertThat(DecimalInput.tryParse("1" + "0".repeat(30_000))).isEmpty();
		assertThat(DecimalInput.check("quantity", new BigDecimal("1e5")).toPlainString()).isEqualTo("100000");
		assertThatThrownBy(() -> DecimalInput.check("quantity", new BigDecimal("9".repeat(5_000))))
			.isInstanceOf(ProblemException.class);
	}

	@Test
	void thirtySixSignificantDigitsAreRefusedNamingTheField() {
		String digits36 = "1.00000000000000000000000000000000001";
		assertThatThrownBy(() -> DecimalInput.parse("quantity", digits36))
			.isInstanceOfSatisfying(ProblemException.class, ex -> {
				assertThat(ex.code()).isEqualTo("invalid_request");
				assertThat(ex.field()).isEqualTo("quantity");
				assertThat(ex.status()).isEqualTo(400);
			});
		assertThat(DecimalInput.tryParse("123456789012345678901234567890.123456")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "NaN", "Infinity", "-Infinity", "+Infinity", "1e", "--1", "1..2", "", "   ", "0x10", "１２",
			"١٢", "1_000", "1,5", "1 2" })
	void nonNumbersAreRefused(String text) {
		assertThat(DecimalInput.tryParse(text)).isEmpty();
	}

	@Test
	void negativeZeroIsPlainZero() {
		assertThat(DecimalInput.parse("credits", "-0")).isEqualTo(BigDecimal.ZERO);
		assertThat(DecimalInput.parse("credits", "-0.000")).isEqualTo(BigDecimal.ZERO);
		assertThat(DecimalInput.parse("credits", "-0e5").toPlainString()).isEqualTo("0");
	}

	@Test
	void ordinaryNumbersAreNormalised() {
		assertThat(DecimalInput.parse("credits", " 12.50 ").toPlainString()).isEqualTo("12.5");
		assertThat(DecimalInput.parse("credits", "1E3").toPlainString()).isEqualTo("1000");
		assertThat(DecimalInput.parse("credits", "-2.25").toPlainString()).isEqualTo("-2.25");
		assertThat(DecimalInput.parse("credits", "999999999999999999.9999999999999999").precision()).isEqualTo(34);
		assertThat(DecimalInput.parse("credits", "0.0000000000000001").scale()).isEqualTo(16);
		assertThat(DecimalInput.tryParse("0.00000000000000001")).isEmpty();
		assertThat(DecimalInput.tryParse("1000000000000000000")).isEmpty();
	}

}
