package dev.billforge.metering.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

	@Test
	void everyTextIsReadAsInstantParseReadsIt() {
		List<String> texts = List.of("2026-11-27T10:15:30Z", "2026-11-27T10:15:30.1Z", "2026-11-27T10:15:30.123456789Z",
				"2024-02-29T23:59:59.000Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
				"9999-12-31T23:59:59.999999999Z", "2026-11-27t10:15:30z", "2026-11-27T10:15:30+02:00",
				"2026-11-27T10:15:30.5-01:30", "2026-12-31T23:59:60Z", "2026-11-27T24:00:00Z",
				"+12026-11-27T10:15:30Z");
		for (String text : texts) {
			assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
		}
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
					random.nextInt(1_000_000_000));
			String text = instant.toString();
			assertThat(IsoInstants.parse(text)).as(text).isEqualTo(instant);
		}
	}

	@Test
	void textOutsideTheCommonFormIsLeftToInstantParseWhichRefusesOrReadsItAsBefore() {
		for (String text : List.of("2026-02-29T10:15:30Z", "2026-13-01T10:15:30Z", "2026-11-31T10:15:30Z",
				"2026-11-27T10:60:30Z", "2026-11-27T10:15:30.1234567890Z", "2026-11-27T10:15Z", "2026-11-27 10:15:30Z",
				"2026-11-27T10:15:3xZ", "2026-11-27T10:15:30", "\uff12\uff10\uff12\uff16-11-27T10:15:30Z", "")) {
			assertThat(IsoInstants.fastPath(text)).as(text).isNull();
			assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
		}
		// a decimal point without digits: Instant.parse reads it, and so it still is
		assertThat(IsoInstants.fastPath("2026-11-27T10:15:30.Z")).isNull();
		assertThat(IsoInstants.parse("2026-11-27T10:15:30.Z")).isEqualTo(Instant.parse("2026-11-27T10:15:30.Z"));
	}

	@Test
	void theCommonFormIsReadWithoutInstantParse() {
		assertThat(IsoInstants.fastPath("2026-11-27T10:15:30.120Z"))
			.isEqualTo(Instant.parse("2026-11-27T10:15:30.120Z"));
		assertThat(IsoInstants.fastPath("2026-11-27T10:15:30+02:00")).isNull();
	}

}
