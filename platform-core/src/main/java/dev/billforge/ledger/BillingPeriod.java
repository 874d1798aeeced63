package dev.billforge.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A billing period as UTC instants, start inclusive, end exclusive. */
public record BillingPeriod(Instant start, Instant end) {

	public BillingPeriod {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("period end must be after its start");
		}
	}

	/**
	 * The calendar month containing {@code instant} in the org's time zone (DST-correct).
	 */
	public static BillingPeriod calendarMonth(Instant instant, ZoneId zone) {
		LocalDate first = instant.atZone(zone).toLocalDate().withDayOfMonth(1);
		ZonedDateTime start = first.atStartOfDay(zone);
		return new BillingPeriod(start.toInstant(), first.plusMonths(1).atStartOfDay(zone).toInstant());
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(start) && instant.isBefore(end);
	}

	public Duration length() {
		return Duration.between(start, end);
	}

}
