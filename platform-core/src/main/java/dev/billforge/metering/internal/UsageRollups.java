package dev.billforge.metering.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.metering.UsageSummaries;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

/**
 * Usage pre-aggregated per org, meter and UTC day, with 24 hourly slots, quarter-hour slots (to
 * assemble days of zones with half- or quarter-hour offsets) and per-property slots of both.
 * Maintained from ledger commits (so it matches what was charged), idempotently: a bucket records
 * the last commit applied and ignores a commit it has already counted.
 */
@Component
class UsageRollups implements LedgerCommitListener, UsageSummaries {

	static final String COLLECTION = "usage_rollups";

	/** "00".."59": slot names, without String.format for each of a batch's thousand charges. */
	private static final String[] TWO_DIGITS = java.util.stream.IntStream.range(0, 60)
		.mapToObj(n -> (n < 10 ? "0" : "") + n)
		.toArray(String[]::new);

	private final MongoCollection<Document> buckets;

	private final ValueMetric metric;

	UsageRollups(MongoTemplate mongo, ValueMetric metric) {
		this.buckets = mongo.getCollection(COLLECTION);
		this.metric = metric;
	}

	static String bucketId(String orgId, String meter, LocalDate day) {
		return orgId + "|" + meter + "|" + day;
	}

	@Override
	public void onCommit(LedgerCommitted commit) {
		onCommits(List.of(commit));
	}

	/**
	 * One update per bucket for consecutive commits, guarded by the first commit's sequence number;
	 * a bucket that already counted some of them (another instance caught up first) takes them one
	 * by one instead, each guarded by its own.
	 */
	@Override
	public void onCommits(List<LedgerCommitted> commits) {
		if (commits.isEmpty()) {
			return;
		}
		Map<String, Document> merged = increments(commits);
		long first = commits.get(0).seq();
		long last = commits.get(commits.size() - 1).seq();
		String orgId = commits.get(0).orgId().value();
		merged.forEach((id, inc) -> {
			if (!apply(orgId, id, inc, first, last) && commits.size() > 1) {
				for (LedgerCommitted commit : commits) {
					Document one = increments(List.of(commit)).get(id);
					if (one != null) {
						apply(orgId, id, one, commit.seq(), commit.seq());
					}
				}
			}
		});
	}

	private static Map<String, Document> increments(List<LedgerCommitted> commits) {
		Map<String, Document> incs = new HashMap<>();
		for (LedgerCommitted commit : commits) {
			for (LedgerCommitted.Charged charge : commit.charges()) {
				String meter = charge.meter() == null ? "reserved" : charge.meter();
				LocalDate day = LocalDate.ofInstant(charge.occurredAt(), ZoneOffset.UTC);
				String id = bucketId(commit.orgId().value(), meter, day);
				Document inc = incs.computeIfAbsent(id, k -> new Document());
				LocalTime time = LocalTime.ofInstant(charge.occurredAt(), ZoneOffset.UTC);
				String hour = TWO_DIGITS[time.getHour()];
				BigDecimal quantity = charge.quantity() == null ? BigDecimal.ZERO : charge.quantity();
				add(inc, "credits", charge.credits().amount());
				add(inc, "quantity", quantity);
				add(inc, "events", BigDecimal.ONE);
				// Quarter-hour slots as well: a local midnight of a zone with a :30 or :45 offset cuts an hour.
				String quarter = hour + TWO_DIGITS[time.getMinute() / 15 * 15];
				add(inc, "h." + hour + ".credits", charge.credits().amount());
				add(inc, "h." + hour + ".quantity", quantity);
				add(inc, "q." + quarter, charge.credits().amount());
				charge.dimensions().forEach((name, value) -> {
					add(inc, "d." + safe(name) + "." + safe(value) + "." + hour, charge.credits().amount());
					add(inc, "dq." + safe(name) + "." + safe(value) + "." + quarter, charge.credits().amount());
				});
			}
		}
		return incs;
	}

	/** Counts commits {@code first..last} into the bucket unless it has counted any of them; false then. */
	private boolean apply(String orgId, String id, Document inc, long first, long last) {
		Document increments = new Document();
		inc.forEach((path, value) -> increments.put(path, new Decimal128((BigDecimal) value)));
		try {
			buckets.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("lastSeq", first)),
					Updates.combine(new Document("$inc", increments), Updates.set("lastSeq", last),
							Updates.setOnInsert("orgId", orgId)),
					new UpdateOptions().upsert(true));
			return true;
		}
		catch (MongoWriteException ex) {
			// The bucket has already counted a commit of this range: the guarded upsert collided with it on _id.
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			return false;
		}
	}

	private static void add(Document inc, String path, BigDecimal value) {
		inc.merge(path, value, (a, b) -> ((BigDecimal) a).add((BigDecimal) b));
	}

	/** Field names may not contain dots or start with $. */
	private static String safe(String text) {
		String cleaned = text.replace('.', '_').replace('$', '_');
		return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
	}

	record Bucket(Instant start, Map<String, Credits> credits, Credits total) {
	}

	record Summary(Instant from, Instant to, String granularity, String groupBy, String creditName, Credits total,
			List<Bucket> buckets) {
	}

	/** Usage in [from, to) by hour or day, grouped by meter or by a rolled-up property. */
	Summary summary(OrgId org, Instant from, Instant to, boolean hourly, String groupBy) {
		TreeMap<Instant, Map<String, BigDecimal>> series = new TreeMap<>();
		for (Document doc : bucketsOf(org, from, to, slotsFor(groupBy, false))) {
			String[] idParts = doc.getString("_id").split("\\|");
			String meter = idParts[1];
			LocalDate day = LocalDate.parse(idParts[2]);
			Map<String, Map<String, BigDecimal>> byHour = byHour(doc, meter, groupBy);
			byHour.forEach((hour, groups) -> {
				Instant slot = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Integer.parseInt(hour), ChronoUnit.HOURS);
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
	 * Usage in [from, to) per local day of {@code zone}. A whole UTC hour goes to the local day it lies
	 * in; an hour cut by a local midnight is split by its quarter-hour slots (documents written before
	 * those slots existed give the whole hour to the day the hour starts in).
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
				boolean cutByMidnight = !startDay.equals(LocalDate.ofInstant(slot.plus(1, ChronoUnit.HOURS).minusNanos(1), zone));
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
						merge(series, LocalDate.ofInstant(start, zone).atStartOfDay(zone).toInstant(), quarter.getValue());
					}
				}
			}
		}
		return summary(from, to, "day", groupBy, series);
	}

	private static void merge(TreeMap<Instant, Map<String, BigDecimal>> series, Instant key, Map<String, BigDecimal> groups) {
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

	private static UsageSummary view(Summary summary) {
		return new UsageSummary(summary.from(), summary.to(), summary.total(),
				summary.buckets().stream().map(b -> new UsageBucket(b.start(), b.credits(), b.total())).toList());
	}

	/**
	 * Only the slots a summary reads (a bucket holds all): hourly totals or one property's hourly
	 * slots, and their quarter-hour slots when local days need them.
	 */
	private static Bson slotsFor(String groupBy, boolean quarters) {
		if (groupBy.equals("meter")) {
			return quarters ? Projections.include("h", "q") : Projections.include("h");
		}
		String property = safe(groupBy);
		return quarters ? Projections.include("d." + property, "dq." + property) : Projections.include("d." + property);
	}

	/** Credits per hour ("00".."23") and group. */
	private static Map<String, Map<String, BigDecimal>> byHour(Document doc, String meter, String groupBy) {
		// An hourly meter slot holds credits and quantity; the per-property slots hold credits only.
		return bySlot(doc, meter, groupBy, "h", "d", slot -> ((Document) slot).get("credits"));
	}

	/** Credits per quarter hour ("HHMM", e.g. "1830") and group; empty for documents without quarter slots. */
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
			values.forEach((value, slots) -> ((Document) slots).forEach((slot, credits) -> result
				.computeIfAbsent(slot, k -> new HashMap<>())
				.merge(value, decimal(credits), BigDecimal::add)));
		}
		return result;
	}

	private static BigDecimal decimal(Object value) {
		return value instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(String.valueOf(value));
	}

}
