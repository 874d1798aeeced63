package dev.billforge.stripe.emulator.internal.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodsTest {

	private static long at(String iso) {
		return Instant.parse(iso).getEpochSecond();
	}

	@Test
	void monthlyPeriodsFromTheThirtyFirstClampAndDoNotDrift() {
		long anchor = at("2026-01-31T10:00:00Z");

		assertThat(Periods.add(anchor, "month", 1)).isEqualTo(at("2026-02-28T10:00:00Z"));
		assertThat(Periods.add(anchor, "month", 2)).isEqualTo(at("2026-03-31T10:00:00Z"));
		assertThat(Periods.add(anchor, "year", 1)).isEqualTo(at("2027-01-31T10:00:00Z"));
	}

}
