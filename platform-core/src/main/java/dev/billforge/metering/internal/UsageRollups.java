package dev.billforge.metering.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * Usage pre-aggregated per org, meter and UTC day, with 24 hourly slots and per-property slots.
 * Maintained from ledger commits (so it matches what was charged), idempotently: a bucket records
 * the last commit applied and ignores a commit it has already counted.
 */
@Component
class UsageRollups implements LedgerCommitListener, UsageSummaries {

	static final String COLLECTION = "usage_rollups";

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
				String hour = String.format("%02d", charge.occurredAt().atZone(ZoneOffset.UTC).getHour());
				BigDecimal quantity = charge.quantity() == null ? BigDecimal.ZERO : charge.quantity();
				add(inc, "credits", charge.credits().amount());
				add(inc, "quantity", quantity);
				add(inc, "events", BigDecimal.ONE);
				add(inc, "h." + hour + ".credits", charge.credits().amount());
				add(inc, "h." + hour + ".quantity", quantity);
				charge.dimensions().forEach((name, value) -> {
					String path = "d." + safe(name) + "." + safe(value) + "." + hour;
					add(inc, path, charge.credits().amount());
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
		LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
		LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
		List<String> ids = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			for (String meter : metric.meters().keySet()) {
				ids.add(bucketId(org.value(), meter, day));
			}
			ids.add(bucketId(org.value(), "reserved", day));
		}
		TreeMap<Instant, Map<String, BigDecimal>> series = new TreeMap<>();
		for (Document doc : buckets.find(Filters.in("_id", ids)).projection(slotsFor(groupBy))) {
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
		return new Summary(from, to, hourly ? "hour" : "day", groupBy, metric.creditName(), new Credits(total), result);
	}

	@Override
	public UsageSummary usage(OrgId org, Instant from, Instant to, boolean hourly, String groupBy) {
		Summary summary = summary(org, from, to, hourly, groupBy);
		return new UsageSummary(summary.from(), summary.to(), summary.total(),
				summary.buckets().stream().map(b -> new UsageBucket(b.start(), b.credits(), b.total())).toList());
	}

	/** Only the slots a summary reads: hourly totals, or one property's hourly slots (a bucket holds all). */
	private static Bson slotsFor(String groupBy) {
		return Projections.include(groupBy.equals("meter") ? "h" : "d." + safe(groupBy));
	}

	/** Credits per hour ("00".."23") and group. */
	private static Map<String, Map<String, BigDecimal>> byHour(Document doc, String meter, String groupBy) {
		Map<String, Map<String, BigDecimal>> result = new TreeMap<>();
		if (groupBy.equals("meter")) {
			Document hours = doc.get("h", Document.class);
			if (hours != null) {
				hours.forEach((hour, slot) -> result.computeIfAbsent(hour, h -> new HashMap<>())
					.merge(meter, decimal(((Document) slot).get("credits")), BigDecimal::add));
			}
			return result;
		}
		Document dims = doc.get("d", Document.class);
		Document values = dims == null ? null : dims.get(safe(groupBy), Document.class);
		if (values != null) {
			values.forEach((value, hours) -> ((Document) hours).forEach((hour, credits) -> result
				.computeIfAbsent(hour, h -> new HashMap<>())
				.merge(value, decimal(credits), BigDecimal::add)));
		}
		return result;
	}

	private static BigDecimal decimal(Object value) {
		return value instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(String.valueOf(value));
	}

}
