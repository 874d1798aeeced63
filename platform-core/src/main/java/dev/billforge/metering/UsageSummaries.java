package dev.billforge.metering;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/** Read access to the usage rollups (credits per hour or day, by meter or by a rolled-up property). */
public interface UsageSummaries {

	/** Usage in [from, to) by day (UTC) or hour, grouped by {@code meter} or a rolled-up property. */
	UsageSummary usage(OrgId org, Instant from, Instant to, boolean hourly, String groupBy);

	record UsageSummary(Instant from, Instant to, Credits total, List<UsageBucket> buckets) {
	}

	record UsageBucket(Instant start, Map<String, Credits> credits, Credits total) {
	}

}
