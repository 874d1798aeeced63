package dev.billforge.billing.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.billforge.ledger.BillingPeriod;

/**
 * The periods of an enterprise contract: {@code count} × {@code unit} from the anchor,
 * each period's start computed from the anchor (not from the previous period) in the
 * org's time zone, so the 31st does not drift and DST does not shift local start times.
 */
record ContractSchedule(String interval, int count, Instant anchor, ZoneId zone) {

	static final List<String> INTERVALS = List.of("day", "week", "month", "year");

	ContractSchedule {
		if (!INTERVALS.contains(interval) || count < 1) {
			throw new IllegalArgumentException("interval " + count + " " + interval);
		}
	}

	/** The period containing {@code now}; empty before the anchor. */
	Optional<BillingPeriod> periodAt(Instant now) {
		if (now.isBefore(anchor)) {
			return Optional.empty();
		}
		ZonedDateTime start = anchor.atZone(zone);
		long approx = Math.max(0, unit().between(start, now.atZone(zone)) / count - 1);
		long k = approx;
		while (!startOf(k + 1).isAfter(now)) {
			k++;
		}
		return Optional.of(new BillingPeriod(startOf(k), startOf(k + 1)));
	}

	private Instant startOf(long k) {
		return anchor.atZone(zone).plus(k * count, unit()).toInstant();
	}

	private ChronoUnit unit() {
		return switch (interval) {
			case "day" -> ChronoUnit.DAYS;
			case "week" -> ChronoUnit.WEEKS;
			case "year" -> ChronoUnit.YEARS;
			default -> ChronoUnit.MONTHS;
		};
	}

}
