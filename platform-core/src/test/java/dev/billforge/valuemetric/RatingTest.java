package dev.billforge.valuemetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RatingTest {

	private final Meter tokens = new Meter("llm_token", "LLM tokens", new BigDecimal("0.001"), null);

	private final Meter pages = new Meter("page", "Pages", BigDecimal.ONE, null);

	@Test
	void usageIsRoundedUpPerEventSoNoEventIsFree() {
		assertThat(tokens.rate(new BigDecimal("1234"), 2, RoundingMode.UP)).isEqualTo(Credits.of("1.24"));
		assertThat(tokens.rate(BigDecimal.ONE, 2, RoundingMode.UP)).isEqualTo(Credits.of("0.01"));
		assertThat(pages.rate(new BigDecimal("3"), 2, RoundingMode.UP)).isEqualTo(Credits.of("3"));
	}

	@Test
	void creditsCompareByValueAndPrintPlain() {
		assertThat(Credits.of("1.50")).isEqualTo(Credits.of("1.5"));
		assertThat(Credits.of("1E+3").toString()).isEqualTo("1000");
		assertThat(Credits.of("0.000").toString()).isEqualTo("0");
	}

	@Test
	void aMeterWithoutAPositiveRateStopsStartup() {
		ValueMetricProperties properties = new ValueMetricProperties();
		ValueMetricProperties.MeterProperties meter = new ValueMetricProperties.MeterProperties();
		meter.setRate(BigDecimal.ZERO);
		properties.setMeters(Map.of("page", meter));
		assertThatThrownBy(properties::toValueMetric).hasMessageContaining("billforge.value-metric.meters.page.rate");
	}

	@Test
	void precisionIsCheckedAgainstTheCreditScale() {
		ValueMetric metric = new ValueMetric("SPU", "SPU", 2, RoundingMode.UP, Credits.ZERO, Map.of(), List.of(70));
		assertThat(metric.fitsPrecision(Credits.of("1.25"))).isTrue();
		assertThat(metric.fitsPrecision(Credits.of("1.255"))).isFalse();
	}

}
