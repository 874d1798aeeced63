package dev.billforge.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.ledger.LedgerHistory;
import dev.billforge.metering.UsageSummaries.UsageSummary;
import dev.billforge.orgs.OrgId;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.valuemetric.Credits;

/** Rollups count every commit exactly once, however commits are grouped or replayed. */
@BillforgeIntegrationTest
class UsageRollupsIT {

	private static final Instant HOUR = Instant.parse("2026-11-20T10:00:00Z");

	@Autowired
	UsageRollups rollups;

	private final OrgId org = OrgId.generate();

	/**
	 * A committed hold (no meter), which the rollups count under "reserved" whatever the
	 * tenant's meters.
	 */
	private LedgerCommitted commit(long seq, String credits) {
		return new LedgerCommitted(
				org, seq, List.of(new LedgerCommitted.Charged("commit:" + seq, null, BigDecimal.ONE,
						Credits.of(credits), HOUR.plusSeconds(seq), Map.of("operation", "extract"))),
				List.of(), List.of());
	}

	private UsageSummary day(String groupBy) {
		return rollups.usage(org, HOUR.truncatedTo(ChronoUnit.DAYS), HOUR.plus(1, ChronoUnit.DAYS), false, groupBy);
	}

	@Test
	void commitsProjectedTogetherAreCountedOnceAndAGroupReplayedChangesNothing() {
		List<LedgerCommitted> group = List.of(commit(1, "2"), commit(2, "3"), commit(3, "5"));

		rollups.onCommits(group);
		rollups.onCommits(group);

		assertThat(day("meter").total()).isEqualTo(Credits.of(10));
		assertThat(day("operation").buckets().get(0).credits()).containsEntry("extract", Credits.of(10));
	}

	@Test
	void aGroupOverlappingCommitsAnotherInstanceAlreadyCountedAddsOnlyTheRest() {
		// Another instance caught up and counted commits 1 and 2 one by one.
		rollups.onCommit(commit(1, "2"));
		rollups.onCommit(commit(2, "3"));

		rollups.onCommits(List.of(commit(1, "2"), commit(2, "3"), commit(3, "5"), commit(4, "7")));

		assertThat(day("meter").total()).isEqualTo(Credits.of(17));
	}

	private LedgerCommitted charged(long seq, String credits, String at, Map<String, String> dimensions) {
		return new LedgerCommitted(org, seq, List.of(new LedgerCommitted.Charged("usage:" + seq, null, BigDecimal.ONE,
				Credits.of(credits), Instant.parse(at), dimensions)), List.of(), List.of());
	}

	@Test
	void groupingByAPropertyCountsUsageWithoutItUnderNoneSoEveryGroupingHasTheSameTotal() {
		rollups.onCommits(List.of(charged(1, "2.5", "2026-11-20T10:05:00Z", Map.of("operation", "extract")),
				charged(2, "3", "2026-11-20T10:20:00Z", Map.of()),
				charged(3, "23.74", "2026-11-20T11:40:00Z", Map.of())));

		UsageSummary byOperation = day("operation");

		assertThat(day("meter").total()).isEqualTo(Credits.of("29.24"));
		assertThat(byOperation.total()).isEqualTo(Credits.of("29.24"));
		assertThat(byOperation.buckets().get(0).credits()).containsOnly(Map.entry("extract", Credits.of("2.5")),
				Map.entry("none", Credits.of("26.74")));
		assertThat(rollups
			.usageByDay(org, HOUR.truncatedTo(ChronoUnit.DAYS), HOUR.plus(1, ChronoUnit.DAYS),
					java.time.ZoneId.of("Asia/Kolkata"), "operation")
			.total()).isEqualTo(Credits.of("29.24"));
	}

	@Autowired
	MongoTemplate mongo;

	@Test
	void distinctValuesPastTheBoundAreCountedUnderOtherAndLongValuesAreCut() {
		RollupWriter bounded = new RollupWriter(mongo.getCollection(UsageRollups.COLLECTION), Set.of("operation"), 2,
				8);
		String[] values = { "a", "b", "c", "d", "a", "averyveryverylongvalue", "averyver-other" };
		for (int i = 0; i < values.length; i++) {
			bounded.onCommits(List.of(charged(i + 1, String.valueOf(i + 1), "2026-11-20T10:05:00Z",
					Map.of("operation", values[i], "customer", "not-kept-" + i))));
		}

		UsageSummary byOperation = day("operation");

		assertThat(byOperation.buckets().get(0).credits()).containsOnly(Map.entry("a", Credits.of(1 + 5)),
				Map.entry("b", Credits.of(2)), Map.entry("other", Credits.of(3 + 4 + 6 + 7)));
		assertThat(byOperation.total()).isEqualTo(day("meter").total());
		Document bucket = mongo.getCollection(UsageRollups.COLLECTION)
			.find(Filters.eq("_id", UsageRollups.bucketId(org.value(), "reserved", LocalDate.parse("2026-11-20"))))
			.first();
		assertThat(bucket.get("d", Document.class).keySet()).containsExactly("operation");
	}

	/** An org's ledger of commits in a list. */
	private LedgerHistory history(List<LedgerCommitted> commits, Runnable afterFirstRead) {
		return new LedgerHistory() {

			private int reads;

			@Override
			public OrgId orgId() {
				return org;
			}

			@Override
			public long lastSeq() {
				return reads == 0 ? commits.size() - 1 : commits.size();
			}

			@Override
			public void read(long toSeq, Consumer<List<LedgerCommitted>> chunk) {
				chunk.accept(commits.subList(0, (int) toSeq));
				if (reads++ == 0) {
					afterFirstRead.run();
				}
			}
		};
	}

	private List<LedgerCommitted> ledgerOfTwoDays() {
		return List.of(charged(1, "1.25", "2026-11-20T10:05:00Z", Map.of("operation", "extract")),
				charged(2, "2.5", "2026-11-20T10:50:00Z", Map.of()),
				charged(3, "4", "2026-11-20T23:59:00Z", Map.of("operation", "classify")),
				charged(4, "0.01", "2026-11-21T00:00:00Z", Map.of("operation", "extract")),
				charged(5, "7", "2026-11-21T13:15:00Z", Map.of("operation", "ocr")),
				charged(6, "3", "2026-11-21T13:16:00Z", Map.of("operation", "ocr")));
	}

	private Map<String, Object> bucketsOfOrg() {
		Map<String, Object> found = new TreeMap<>();
		for (Document doc : mongo.getCollection(UsageRollups.COLLECTION).find(Filters.eq("orgId", org.value()))) {
			// Which commit a bucket last counted is bookkeeping: a rebuilt bucket names
			// the newest one read.
			doc.remove("lastSeq");
			found.put(doc.getString("_id"), normalized(doc));
		}
		return found;
	}

	/** Field order and Decimal128 exponents aside, the stored content. */
	private static Object normalized(Object value) {
		if (value instanceof Document doc) {
			Map<String, Object> sorted = new TreeMap<>();
			doc.forEach((k, v) -> sorted.put(k, normalized(v)));
			return sorted;
		}
		if (value instanceof Decimal128 decimal) {
			return decimal.bigDecimalValue().stripTrailingZeros().toPlainString();
		}
		return value instanceof Number n ? String.valueOf(n.longValue()) : value;
	}

	@Test
	void aRebuildFromTheLedgerGivesExactlyTheRollupsOfAFullProjectionWhileTheOrgKeepsWriting() {
		List<LedgerCommitted> ledger = ledgerOfTwoDays();
		rollups.onCommits(ledger.subList(0, 3));
		rollups.onCommits(ledger.subList(3, 6));
		Map<String, Object> projected = bucketsOfOrg();
		mongo.getCollection(UsageRollups.COLLECTION).deleteMany(Filters.eq("orgId", org.value()));

		// Commit 3 was parked: its usage is missing, and one bucket was written before
		// it.
		rollups.onCommits(ledger.subList(0, 2));
		rollups.onCommits(ledger.subList(3, 5));
		// day(): 20 November and the first ten hours of the 21st.
		assertThat(day("meter").total()).isEqualTo(Credits.of("3.76"));
		// Commit 6 is projected live while the rebuild reads the ledger up to commit 5.
		rollups.rebuild(history(ledger, () -> rollups.onCommits(ledger.subList(5, 6))));

		assertThat(bucketsOfOrg()).isEqualTo(projected);
		assertThat(day("meter").total()).isEqualTo(Credits.of("7.76"));
		assertThat(day("operation").buckets().get(0).credits()).containsOnly(Map.entry("extract", Credits.of("1.25")),
				Map.entry("classify", Credits.of(4)), Map.entry("none", Credits.of("2.5")));
	}

}
