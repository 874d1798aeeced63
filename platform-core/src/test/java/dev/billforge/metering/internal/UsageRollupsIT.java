package dev.billforge.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.billforge.ledger.LedgerCommitted;
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

	/** A committed hold (no meter), which the rollups count under "reserved" whatever the tenant's meters. */
	private LedgerCommitted commit(long seq, String credits) {
		return new LedgerCommitted(org, seq, List.of(new LedgerCommitted.Charged("commit:" + seq, null, BigDecimal.ONE,
				Credits.of(credits), HOUR.plusSeconds(seq), Map.of("operation", "extract"))), List.of(), List.of());
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

}
