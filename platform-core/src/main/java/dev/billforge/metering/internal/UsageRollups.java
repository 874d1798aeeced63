package dev.billforge.metering.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.LedgerHistory;
import dev.billforge.metering.MeteringProperties;
import dev.billforge.metering.UsageSummaries;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Usage pre-aggregated per org, meter and UTC day, with 24 hourly slots, quarter-hour
 * slots (to assemble days of zones with half- or quarter-hour offsets) and per-property
 * slots of both. Maintained from ledger commits (so it matches what was charged),
 * idempotently: a bucket records the last commit applied and ignores a commit it has
 * already counted.
 */
@Component
class UsageRollups implements LedgerCommitListener, UsageSummaries {

	static final String COLLECTION = "usage_rollups";

	/** The group of usage that lacks the property a summary is grouped by. */
	static final String NONE = "none";

	private final MongoCollection<Document> buckets;

	private final ValueMetric metric;

	private final RollupWriter writer;

	UsageRollups(MongoTemplate mongo, ValueMetric metric, MeteringProperties properties) {
		this.buckets = mongo.getCollection(COLLECTION);
		this.metric = metric;
		this.writer = new RollupWriter(buckets, Set.copyOf(properties.getRollupDimensions()),
				properties.getRollupMaxValues(), properties.getRollupValueMaxLength());
	}

	static String bucketId(String orgId, String meter, LocalDate day) {
		return RollupWriter.bucketId(orgId, meter, day);
	}

	@Override
	public void onCommit(LedgerCommitted commit) {
		onCommits(List.of(commit));
	}

	@Override
	public void onCommits(List<LedgerCommitted> commits) {
		writer.onCommits(commits);
	}

	/**
	 * Recomputes the org's buckets exactly from its ledger (see
	 * {@link RollupWriter#rebuild}).
	 */
	@Override
	public void rebuild(LedgerHistory history) {
		writer.rebuild(history);
	}

	/** Field names may not contain dots or start with $. */
	static String safe(String text) {
		return RollupWriter.safe(text, 64);
	}

	@Schema(name = "UsageBucket", description = "Credits charged in one hour or day, per meter or property value.")
	record Bucket(@Schema(description = "Start of the hour or day (in the org's time zone for days).") Instant start,
			Map<String, Credits> credits, Credits total) {
	}

	@Schema(name = "UsageSummary")
	record Summary(Instant from, Instant to, String granularity, String groupBy, String creditName, Credits total,
			List<Bucket> buckets) {
	}

	/**
	 * Usage in [from, to) by hour or day, grouped by meter or by a rolled-up property.
	 */
	Summary summary(OrgId org, Instant from, Instant to, boolean hourly, String groupBy) {
		TreeMap<Instant, Map<String, BigDecimal>> series = new TreeMap<>();
		for (Document doc : bucketsOf(org, from, to, slotsFor(groupBy, false))) {
			String[] idParts = doc.getString("_id").split("\\|");
			String meter = idParts[1];
			LocalDate day = LocalDate.parse(idParts[2]);
			Map<String, Map<String, BigDecimal>> byHour = byHour(doc, meter, groupBy);
			byHour.forEach((hour, groups) -> {
				Instant slot = day.atStartOfDay(ZoneOffset.UTC)
					.toInstant()
					.plus(Integer.parseInt(hour), ChronoUnit.HOURS);
				if (slot.isBefore(from.truncatedTo(ChronoUnit.HOURS)) || !slot.isBefore(to)) {
					return;
				}
				Instant key = hourly ? slot : slot.truncatedTo(ChronoUnit.DAYS);
				Map<String, BigDecimal> bucket = series.computeIfAbsent(key, k -> new TreeMap<>());
				groups.forEach((group, credits) -> bucket.merge(group, credits, BigDecimal::add));
			});
		}
		return summary(from, to, hourly ? "hour" : "day", groupBy, series);
	}

	/** The day documents (UTC days, every meter) that can hold usage of [from, to). */
	private Iterable<Document> bucketsOf(OrgId org, Instant from, Instant to, Bson slots) {
		LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
		LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
		List<String> ids = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			for (String meter : metric.meters().keySet()) {
				ids.add(bucketId(org.value(), meter, day));
			}
			ids.add(bucketId(org.value(), "reserved", day));
		}
		return buckets.find(Filters.in("_id", ids)).projection(slots);
	}

	/**
	 * Usage in [from, to) per local day of {@code zone}. A whole UTC hour goes to the
	 * local day it lies in; an hour cut by a local midnight is split by its quarter-hour
	 * slots (documents written before those slots existed give the whole hour to the day
	 * the hour starts in).
	 */
	Summary localDays(OrgId org, Instant from, Instant to, ZoneId zone, String groupBy) {
		Instant firstHour = from.truncatedTo(ChronoUnit.HOURS);
		Instant firstQuarter = firstHour.plus(from.atZone(ZoneOffset.UTC).getMinute() / 15 * 15L, ChronoUnit.MINUTES);
		TreeMap<Instant, Map<String, BigDecimal>> series = new TreeMap<>();
		for (Document doc : bucketsOf(org, from, to, slotsFor(groupBy, true))) {
			String[] idParts = doc.getString("_id").split("\\|");
			String meter = idParts[1];
			Instant dayStart = LocalDate.parse(idParts[2]).atStartOfDay(ZoneOffset.UTC).toInstant();
			Map<String, Map<String, BigDecimal>> quarters = null;
			for (var hourly : byHour(doc, meter, groupBy).entrySet()) {
				Instant slot = dayStart.plus(Integer.parseInt(hourly.getKey()), ChronoUnit.HOURS);
				if (slot.isBefore(firstHour) || !slot.isBefore(to)) {
					continue;
				}
				LocalDate startDay = LocalDate.ofInstant(slot, zone);
				boolean cutByMidnight = !startDay
					.equals(LocalDate.ofInstant(slot.plus(1, ChronoUnit.HOURS).minusNanos(1), zone));
				List<Map.Entry<String, Map<String, BigDecimal>>> split = List.of();
				if (cutByMidnight) {
					quarters = quarters == null ? byQuarter(doc, meter, groupBy) : quarters;
					split = quarters.entrySet().stream().filter(q -> q.getKey().startsWith(hourly.getKey())).toList();
				}
				if (split.isEmpty()) {
					merge(series, startDay.atStartOfDay(zone).toInstant(), hourly.getValue());
					continue;
				}
				for (var quarter : split) {
					Instant start = slot.plus(Integer.parseInt(quarter.getKey().substring(2)), ChronoUnit.MINUTES);
					if (!start.isBefore(firstQuarter) && start.isBefore(to)) {
						merge(series, LocalDate.ofInstant(start, zone).atStartOfDay(zone).toInstant(),
								quarter.getValue());
					}
				}
			}
		}
		return summary(from, to, "day", groupBy, series);
	}

	private static void merge(TreeMap<Instant, Map<String, BigDecimal>> series, Instant key,
			Map<String, BigDecimal> groups) {
		Map<String, BigDecimal> bucket = series.computeIfAbsent(key, k -> new TreeMap<>());
		groups.forEach((group, credits) -> bucket.merge(group, credits, BigDecimal::add));
	}

	private Summary summary(Instant from, Instant to, String granularity, String groupBy,
			TreeMap<Instant, Map<String, BigDecimal>> series) {
		List<Bucket> result = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (var entry : series.entrySet()) {
			Map<String, Credits> groups = new TreeMap<>();
			BigDecimal sum = BigDecimal.ZERO;
			for (var group : entry.getValue().entrySet()) {
				groups.put(group.getKey(), new Credits(group.getValue()));
				sum = sum.add(group.getValue());
			}
			total = total.add(sum);
			result.add(new Bucket(entry.getKey(), groups, new Credits(sum)));
		}
		return new Summary(from, to, granularity, groupBy, metric.creditName(), new Credits(total), result);
	}

	@Override
	public UsageSummary usage(OrgId org, Instant from, Instant to, boolean hourly, String groupBy) {
		return view(summary(org, from, to, hourly, groupBy));
	}

	@Override
	public UsageSummary usageByDay(OrgId org, Instant from, Instant to, ZoneId zone, String groupBy) {
		return view(localDays(org, from, to, zone, groupBy));
	}

	@Override
	public BigDecimal quantity(OrgId org, String meter, Instant from, Instant to) {
		if (!metric.meters().containsKey(meter) || !from.isBefore(to)) {
			return BigDecimal.ZERO;
		}
		Instant firstHour = from.truncatedTo(ChronoUnit.HOURS);
		List<String> ids = new ArrayList<>();
		for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day
			.isAfter(LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC)); day = day.plusDays(1)) {
			ids.add(bucketId(org.value(), meter, day));
		}
		BigDecimal total = BigDecimal.ZERO;
		for (Document doc : buckets.find(Filters.in("_id", ids)).projection(Projections.include("h"))) {
			Instant dayStart = LocalDate.parse(doc.getString("_id").split("\\|")[2])
				.atStartOfDay(ZoneOffset.UTC)
				.toInstant();
			Document hours = doc.get("h", Document.class);
			if (hours == null) {
				continue;
			}
			for (Map.Entry<String, Object> hour : hours.entrySet()) {
				Instant slot = dayStart.plus(Integer.parseInt(hour.getKey()), ChronoUnit.HOURS);
				Object quantity = ((Document) hour.getValue()).get("quantity");
				if (!slot.isBefore(firstHour) && slot.isBefore(to) && quantity != null) {
					total = total.add(decimal(quantity));
				}
			}
		}
		return total;
	}

	private static UsageSummary view(Summary summary) {
		return new UsageSummary(summary.from(), summary.to(), summary.total(),
				summary.buckets().stream().map(b -> new UsageBucket(b.start(), b.credits(), b.total())).toList());
	}

	/**
	 * Only the slots a summary reads (a bucket holds all): hourly totals or one
	 * property's hourly slots, and their quarter-hour slots when local days need them.
	 */
	private static Bson slotsFor(String groupBy, boolean quarters) {
		if (groupBy.equals("meter")) {
			return quarters ? Projections.include("h", "q") : Projections.include("h");
		}
		// The meter slots too: what they hold beyond the property's values is usage
		// without it ("none").
		String property = safe(groupBy);
		return quarters ? Projections.include("h", "q", "d." + property, "dq." + property)
				: Projections.include("h", "d." + property);
	}

	/** Credits per hour ("00".."23") and group. */
	private static Map<String, Map<String, BigDecimal>> byHour(Document doc, String meter, String groupBy) {
		// An hourly meter slot holds credits and quantity; the per-property slots hold
		// credits only.
		return bySlot(doc, meter, groupBy, "h", "d", slot -> ((Document) slot).get("credits"));
	}

	/**
	 * Credits per quarter hour ("HHMM", e.g. "1830") and group; empty for documents
	 * without quarter slots.
	 */
	private static Map<String, Map<String, BigDecimal>> byQuarter(Document doc, String meter, String groupBy) {
		return bySlot(doc, meter, groupBy, "q", "dq", slot -> slot);
	}

	private static Map<String, Map<String, BigDecimal>> bySlot(Document doc, String meter, String groupBy,
			String meterField, String propertyField, Function<Object, Object> creditsOfMeterSlot) {
		Map<String, Map<String, BigDecimal>> result = new TreeMap<>();
		if (groupBy.equals("meter")) {
			Document slots = doc.get(meterField, Document.class);
			if (slots != null) {
				slots.forEach((slot, value) -> result.computeIfAbsent(slot, k -> new HashMap<>())
					.merge(meter, decimal(creditsOfMeterSlot.apply(value)), BigDecimal::add));
			}
			return result;
		}
		Document properties = doc.get(propertyField, Document.class);
		Document values = properties == null ? null : properties.get(safe(groupBy), Document.class);
		if (values != null) {
			values.forEach((value, slots) -> ((Document) slots)
				.forEach((slot, credits) -> result.computeIfAbsent(slot, k -> new HashMap<>())
					.merge(value, decimal(credits), BigDecimal::add)));
		}
		// Every grouping has the same total: usage without the property is counted under
		// "none".
		Document meterSlots = doc.get(meterField, Document.class);
		if (meterSlots != null) {
			meterSlots.forEach((slot, value) -> {
				BigDecimal grouped = result.getOrDefault(slot, Map.of())
					.values()
					.stream()
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				BigDecimal none = decimal(creditsOfMeterSlot.apply(value)).subtract(grouped);
				if (none.signum() > 0) {
					result.computeIfAbsent(slot, k -> new HashMap<>()).merge(NONE, none, BigDecimal::add);
				}
			});
		}
		return result;
	}

	private static BigDecimal decimal(Object value) {
		return value instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(String.valueOf(value));
	}

}
