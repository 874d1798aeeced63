package dev.billforge.metering.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.types.Decimal128;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.LedgerHistory;

/**
 * The write side of the usage rollups: one guarded update per day bucket for consecutive
 * commits, and the exact rebuild of an org's buckets from its ledger.
 * <p>
 * A bucket stays far below MongoDB's 16 MB document limit: only the configured dimensions
 * are kept, a value is cut to {@code maxValueLength} characters, and per bucket (org,
 * meter, UTC day) and dimension the first {@code maxValues} distinct values in commit
 * order get their own slots; later ones are counted under {@value #OTHER}. A rebuild
 * replays the commits in the same order, so it makes the same choice.
 */
final class RollupWriter {

	static final String OTHER = "other";

	/**
	 * "00".."59": slot names, without String.format for each of a batch's thousand
	 * charges.
	 */
	static final String[] TWO_DIGITS = java.util.stream.IntStream.range(0, 60)
		.mapToObj(n -> (n < 10 ? "0" : "") + n)
		.toArray(String[]::new);

	private static final int REBUILD_ATTEMPTS = 10;

	/**
	 * Which slot a dimension value of a bucket is counted in: its own or {@value #OTHER}.
	 */
	interface ValueSlots {

		String slot(String bucketId, String dimension, String value);

	}

	private final MongoCollection<Document> buckets;

	private final Set<String> dimensions;

	private final int maxValues;

	private final int maxValueLength;

	/**
	 * Per bucket and dimension, the values with their own slot as far as this instance
	 * knows (bounded, idle entries dropped); an unknown value reads the bucket once.
	 */
	private final Cache<String, Set<String>> knownValues = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	RollupWriter(MongoCollection<Document> buckets, Set<String> dimensions, int maxValues, int maxValueLength) {
		this.buckets = buckets;
		this.dimensions = dimensions;
		this.maxValues = maxValues;
		this.maxValueLength = maxValueLength;
	}

	static String bucketId(String orgId, String meter, LocalDate day) {
		return orgId + "|" + meter + "|" + day;
	}

	/**
	 * One update per bucket for consecutive commits, guarded by the first commit's
	 * sequence number; a bucket that already counted some of them (another instance
	 * caught up first, or a rebuild) takes them one by one instead, each guarded by its
	 * own.
	 */
	void onCommits(List<LedgerCommitted> commits) {
		if (commits.isEmpty()) {
			return;
		}
		Map<String, Map<String, BigDecimal>> merged = increments(commits, this::liveSlot);
		long first = commits.get(0).seq();
		long last = commits.get(commits.size() - 1).seq();
		String orgId = commits.get(0).orgId().value();
		merged.forEach((id, inc) -> {
			if (!apply(orgId, id, inc, first, last) && commits.size() > 1) {
				for (LedgerCommitted commit : commits) {
					Map<String, BigDecimal> one = increments(List.of(commit), this::liveSlot).get(id);
					if (one != null) {
						apply(orgId, id, one, commit.seq(), commit.seq());
					}
				}
			}
		});
	}

	/**
	 * Per bucket, the amount to add at each field path ("credits", "h.03.credits",
	 * "d.operation.extract.03", ...).
	 */
	Map<String, Map<String, BigDecimal>> increments(List<LedgerCommitted> commits, ValueSlots slots) {
		Map<String, Map<String, BigDecimal>> incs = new HashMap<>();
		for (LedgerCommitted commit : commits) {
			for (LedgerCommitted.Charged charge : commit.charges()) {
				String meter = charge.meter() == null ? "reserved" : charge.meter();
				LocalDate day = LocalDate.ofInstant(charge.occurredAt(), ZoneOffset.UTC);
				String id = bucketId(commit.orgId().value(), meter, day);
				Map<String, BigDecimal> inc = incs.computeIfAbsent(id, k -> new HashMap<>());
				LocalTime time = LocalTime.ofInstant(charge.occurredAt(), ZoneOffset.UTC);
				String hour = TWO_DIGITS[time.getHour()];
				BigDecimal credits = charge.credits().amount();
				BigDecimal quantity = charge.quantity() == null ? BigDecimal.ZERO : charge.quantity();
				add(inc, "credits", credits);
				add(inc, "quantity", quantity);
				add(inc, "events", BigDecimal.ONE);
				// Quarter-hour slots as well: a local midnight of a zone with a :30 or
				// :45 offset cuts an hour.
				String quarter = hour + TWO_DIGITS[time.getMinute() / 15 * 15];
				add(inc, "h." + hour + ".credits", credits);
				add(inc, "h." + hour + ".quantity", quantity);
				add(inc, "q." + quarter, credits);
				charge.dimensions().forEach((name, value) -> {
					if (!dimensions.contains(name) || value == null || value.isBlank()) {
						return;
					}
					String dimension = UsageRollups.safe(name);
					String slot = slots.slot(id, dimension, safe(value, maxValueLength));
					add(inc, "d." + dimension + "." + slot + "." + hour, credits);
					add(inc, "dq." + dimension + "." + slot + "." + quarter, credits);
				});
			}
		}
		return incs;
	}

	private String liveSlot(String bucketId, String dimension, String value) {
		Set<String> known = knownValues.get(bucketId + "|" + dimension, k -> ConcurrentHashMap.newKeySet());
		if (known.contains(value)) {
			return value;
		}
		synchronized (known) {
			if (known.size() < maxValues) {
				// Another instance may have given values their slots meanwhile: what the
				// bucket holds counts.
				known.addAll(storedValues(bucketId, dimension));
				if (known.contains(value) || known.size() < maxValues) {
					known.add(value);
					return value;
				}
			}
			return known.contains(value) ? value : OTHER;
		}
	}

	private Set<String> storedValues(String bucketId, String dimension) {
		Document doc = buckets.find(Filters.eq("_id", bucketId))
			.projection(Projections.include("d." + dimension))
			.first();
		Document properties = doc == null ? null : doc.get("d", Document.class);
		Document values = properties == null ? null : properties.get(dimension, Document.class);
		Set<String> found = values == null ? Set.of() : new HashSet<>(values.keySet());
		return found.stream().filter(v -> !v.equals(OTHER)).collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * Counts commits {@code first..last} into the bucket unless it has counted any of
	 * them; false then.
	 */
	private boolean apply(String orgId, String id, Map<String, BigDecimal> inc, long first, long last) {
		Document increments = new Document();
		inc.forEach((path, value) -> increments.put(path, decimal128(value)));
		try {
			buckets.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("lastSeq", first)),
					Updates.combine(new Document("$inc", increments), Updates.set("lastSeq", last),
							Updates.setOnInsert("orgId", orgId)),
					new UpdateOptions().upsert(true));
			return true;
		}
		catch (MongoWriteException ex) {
			// The bucket has already counted a commit of this range: the guarded upsert
			// collided with it on _id.
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			return false;
		}
	}

	/**
	 * Recomputes the org's buckets from its ledger and writes each one as of the newest
	 * commit read, unless a newer commit has been counted there meanwhile; then it reads
	 * again. Live projection goes on: a bucket rebuilt up to commit n takes commits after
	 * n and ignores the rest.
	 */
	void rebuild(LedgerHistory history) {
		String orgId = history.orgId().value();
		for (int attempt = 0; attempt < REBUILD_ATTEMPTS; attempt++) {
			long upTo = history.lastSeq();
			Map<String, Map<String, BigDecimal>> built = new HashMap<>();
			Map<String, Set<String>> seen = new HashMap<>();
			ValueSlots firstValues = (bucket, dimension, value) -> {
				Set<String> values = seen.computeIfAbsent(bucket + "|" + dimension, k -> new HashSet<>());
				return values.contains(value) || (values.size() < maxValues && values.add(value)) ? value : OTHER;
			};
			history.read(upTo, chunk -> increments(chunk, firstValues).forEach((id, inc) -> inc
				.forEach((path, value) -> add(built.computeIfAbsent(id, k -> new HashMap<>()), path, value))));
			boolean written = write(orgId, built, upTo);
			knownValues.invalidateAll();
			if (written) {
				return;
			}
		}
		throw new IllegalStateException(
				"usage rollups of org " + orgId + " changed during every rebuild attempt; run it again");
	}

	/**
	 * Replaces the org's buckets by {@code built} (as of commit {@code upTo}); false
	 * where a newer commit got there first.
	 */
	private boolean write(String orgId, Map<String, Map<String, BigDecimal>> built, long upTo) {
		boolean clean = true;
		Set<String> stale = new HashSet<>();
		for (Document doc : buckets.find(Filters.eq("orgId", orgId)).projection(Projections.include("_id"))) {
			stale.add(doc.getString("_id"));
		}
		for (var bucket : built.entrySet()) {
			Document doc = nested(bucket.getValue()).append("orgId", orgId).append("lastSeq", upTo);
			doc.put("_id", bucket.getKey());
			try {
				buckets.replaceOne(Filters.and(Filters.eq("_id", bucket.getKey()), Filters.lte("lastSeq", upTo)), doc,
						new ReplaceOptions().upsert(true));
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				clean = false;
			}
			stale.remove(bucket.getKey());
		}
		for (String id : stale) {
			if (buckets.deleteOne(Filters.and(Filters.eq("_id", id), Filters.lte("lastSeq", upTo)))
				.getDeletedCount() == 0) {
				clean = false;
			}
		}
		return clean;
	}

	private static Document nested(Map<String, BigDecimal> flat) {
		Document root = new Document();
		flat.forEach((path, value) -> {
			String[] parts = path.split("\\.");
			Document at = root;
			for (int i = 0; i < parts.length - 1; i++) {
				Document child = at.get(parts[i], Document.class);
				if (child == null) {
					child = new Document();
					at.put(parts[i], child);
				}
				at = child;
			}
			at.put(parts[parts.length - 1], decimal128(value));
		});
		return root;
	}

	/**
	 * Decimal128 holds 34 significant digits, as MongoDB's own sums round to: a longer
	 * value is rounded the same way rather than fail (the ledger keeps it exactly).
	 */
	static Decimal128 decimal128(BigDecimal value) {
		return new Decimal128(value.round(MathContext.DECIMAL128));
	}

	private static void add(Map<String, BigDecimal> inc, String path, BigDecimal value) {
		inc.merge(path, value, BigDecimal::add);
	}

	/** Field names may not contain dots or start with $; long values are cut. */
	static String safe(String text, int maxLength) {
		String cut = text.length() > maxLength ? text.substring(0, maxLength) : text;
		return cut.replace('.', '_').replace('$', '_');
	}

}
