package dev.billforge.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * Read access to the usage rollups (credits per hour or day, by meter or by a rolled-up
 * property).
 */
public interface UsageSummaries {

	/**
	 * Usage in [from, to) by day (UTC) or hour, grouped by {@code meter} or a rolled-up
	 * property.
	 */
	UsageSummary usage(OrgId org, Instant from, Instant to, boolean hourly, String groupBy);

	/**
	 * Usage in [from, to) per day of {@code zone} (each bucket starts at that local
	 * midnight), grouped by {@code meter} or a rolled-up property. Assembled from the
	 * hourly slots; an hour that a local midnight cuts (zones with a half- or
	 * quarter-hour offset) is split by the rollups' quarter-hour slots, so usage at 23:50
	 * and 00:10 local time lands on two days.
	 */
	UsageSummary usageByDay(OrgId org, Instant from, Instant to, ZoneId zone, String groupBy);

	/**
	 * The quantity of one meter used in [from, to), summed from the hourly slots (an hour
	 * counts when it starts in the range, with {@code from} taken to its hour). Zero for
	 * an unknown meter.
	 */
	BigDecimal quantity(OrgId org, String meter, Instant from, Instant to);

	record UsageSummary(Instant from, Instant to, Credits total, List<UsageBucket> buckets) {
	}

	record UsageBucket(Instant start, Map<String, Credits> credits, Credits total) {
	}

}
