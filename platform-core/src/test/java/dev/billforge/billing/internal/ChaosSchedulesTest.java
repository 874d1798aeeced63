package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChaosSchedulesTest {

	@Test
	void theChosenSchedulesShowEveryOrderEveryLateDuplicateAndEveryEventUnderAFault() {
		List<ChaosSchedules.Schedule> schedules = ChaosSchedules.covering(20, 0);
		Set<String> covered = new HashSet<>();
		schedules.forEach(s -> covered.addAll(s.covers()));
		assertThat(covered).containsAll(ChaosSchedules.required(20));
		assertThat(covered).contains("3<17", "17<3", "3~17", "17~3", "!0", "!19");
		assertThat(schedules).as("far fewer than the 200 random ones they replace").hasSizeLessThan(40);
		assertThat(ChaosSchedules.covering(20, 0)).as("deterministic").isEqualTo(schedules);
	}

	@Test
	void aScheduleCoversOnlyWhatItsOrderShows() {
		ChaosSchedules.Schedule s = new ChaosSchedules.Schedule(1, List.of(1, 0, 1), List.of(false, true, false));
		assertThat(s.covers()).containsExactlyInAnyOrder("1<0", "1~0", "!0");
	}

	@Test
	void everyEventIsDeliveredOneToThreeTimes() {
		ChaosSchedules.Schedule s = ChaosSchedules.random(7, 10);
		for (int e = 0; e < 10; e++) {
			int event = e;
			assertThat(s.order().stream().filter(i -> i == event).count()).isBetween(1L, 3L);
		}
		assertThat(s.faults()).hasSameSizeAs(s.order());
	}

}
