package dev.billforge.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.billforge.valuemetric.Credits;

class UsageChartBarTest {

	@Test
	void barsAreExactShareOfTheAxisTop() {
		// With binary floating point 0.1 / 0.3 * 300 is 100.00000000000001.
		assertThat(UsageChart.barHeight(Credits.of("0.1"), new BigDecimal("0.3"), 300)).isEqualTo(100.0);
		assertThat(UsageChart.barHeight(Credits.of("750"), new BigDecimal("1000"), 200)).isEqualTo(150.0);
		assertThat(UsageChart.barHeight(Credits.of("1"), new BigDecimal("3"), 200)).isEqualTo(66.67);
	}

}
