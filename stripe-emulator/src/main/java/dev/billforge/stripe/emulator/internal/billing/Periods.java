package dev.billforge.stripe.emulator.internal.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Billing period arithmetic in UTC; months are added from the anchor so day 31 does not
 * drift.
 */
public final class Periods {

	private Periods() {
	}

	public static long add(long anchorEpoch, String interval, long count) {
		ZonedDateTime anchor = Instant.ofEpochSecond(anchorEpoch).atZone(ZoneOffset.UTC);
		ZonedDateTime end = switch (interval) {
			case "day" -> anchor.plusDays(count);
			case "week" -> anchor.plusWeeks(count);
			case "month" -> anchor.plusMonths(count);
			case "year" -> anchor.plusYears(count);
			default -> throw new IllegalArgumentException("unknown interval " + interval);
		};
		return end.toEpochSecond();
	}

}
