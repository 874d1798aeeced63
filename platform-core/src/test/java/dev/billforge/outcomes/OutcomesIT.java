package dev.billforge.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.CreditsDeniedException;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.metering.UsageSummaries;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * The outcome life cycle on the embedded defaults, with the money a client sees at every
 * step.
 */
@BillforgeIntegrationTest(properties = { "billforge.value-metric.free-tier=0",
		"billforge.metering.rollup-dimensions=operation,outcome_type", "billforge.outcomes.types.lab_report.fee=500",
		"billforge.outcomes.types.lab_report.approver-role=reviewer",
		"billforge.outcomes.types.lab_report.dispute-window=72h",
		"billforge.outcomes.types.lab_report.evidence-required=true", "billforge.outcomes.types.quick_fix.fee=20",
		"billforge.outcomes.types.quick_fix.approver-role=reviewer",
		"billforge.outcomes.types.quick_fix.dispute-window=0s" })
@Import(OutcomesIT.Config.class)
class OutcomesIT {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));

	static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	static final Actor REVIEWER = new Actor("kc-rita", "rita@client.test");

	static final Actor CONSULTANT = new Actor("kc-carl", "carl@consulting.test");

	static final Actor OWNER = new Actor("kc-olga", "olga@client.test");

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

	}

	@Autowired
	Outcomes outcomes;

	@Autowired
	CreditLedger ledger;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	@Autowired
	UsageSummaries usage;

	OrgId org;

	@BeforeEach
	void clientOrgWithReviewerAndConsultant() {
		org = orgs.create("Client Lab", ZoneId.of("UTC")).id();
		memberships.add(org, OWNER.email(), Role.OWNER);
		memberships.add(org, REVIEWER.email(), Role.REVIEWER);
		memberships.add(org, CONSULTANT.email(), Role.CONSULTANT);
		ledger.grant(org,
				new GrantRequest("pack-" + org, GrantSource.PACK, Credits.of(1000), null, null, "pack", null));
	}

	private Outcome propose(String id) {
		return outcomes.propose(org,
				new OutcomeCandidate(id, "lab_report", "Report for sample " + id,
						new Evidence("https://lab.example/reports/" + id + ".pdf", SHA, "CBC panel"), CLOCK.instant()),
				CONSULTANT);
	}

	private Balance balance() {
		return ledger.balance(org);
	}

	@Test
	void anApprovedOutcomeIsHeldThenBilledExactlyOnceWhenTheWindowCloses() {
		propose("r-1");
		Outcome approved = outcomes.approve(org, "r-1", REVIEWER, null);

		assertThat(approved.status()).isEqualTo(OutcomeStatus.APPROVED);
		assertThat(approved.windowEndsAt()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(72)));
		assertThat(balance().held()).isEqualTo(Credits.of(500));
		assertThat(balance().available()).isEqualTo(Credits.of(500));

		CLOCK.advance(Duration.ofHours(71));
		assertThat(outcomes.sweep()).isZero();
		assertThat(outcomes.find(org, "r-1").orElseThrow().status()).isEqualTo(OutcomeStatus.APPROVED);

		CLOCK.advance(Duration.ofHours(1));
		assertThat(outcomes.sweep()).isEqualTo(1);
		assertThat(outcomes.sweep()).isZero();

		Outcome billed = outcomes.find(org, "r-1").orElseThrow();
		assertThat(billed.status()).isEqualTo(OutcomeStatus.BILLED);
		assertThat(billed.audit()).extracting(OutcomeAuditEntry::to)
			.containsExactly(OutcomeStatus.PROPOSED, OutcomeStatus.APPROVED, OutcomeStatus.BILLED);
		assertThat(billed.audit()).allSatisfy(entry -> assertThat(entry.evidenceSha256()).isEqualTo(SHA));
		assertThat(balance().held()).isEqualTo(Credits.ZERO);
		assertThat(balance().available()).isEqualTo(Credits.of(500));
		assertThat(byOutcomeType()).containsExactly(Map.entry("lab_report", Credits.of(500)));
	}

	private Map<String, Credits> byOutcomeType() {
		Instant from = CLOCK.instant().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.DAYS);
		Map<String, Credits> total = new java.util.TreeMap<>();
		usage
			.usage(org, from, CLOCK.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS), false,
					"outcome_type")
			.buckets()
			.forEach(bucket -> bucket.credits().forEach((type, credits) -> total.merge(type, credits, Credits::plus)));
		return total;
	}

	@Test
	void aDisputedOutcomeThatIsRejectedChargesNothing() {
		propose("r-2");
		outcomes.approve(org, "r-2", REVIEWER, null);
		Outcome disputed = outcomes.dispute(org, "r-2", REVIEWER, "values do not match the sample");
		assertThat(disputed.status()).isEqualTo(OutcomeStatus.DISPUTED);

		// The window passes while the dispute is open: the fee stays held, nothing is
		// charged.
		CLOCK.advance(Duration.ofHours(80));
		outcomes.sweep();
		assertThat(outcomes.find(org, "r-2").orElseThrow().status()).isEqualTo(OutcomeStatus.DISPUTED);
		assertThat(balance().held()).isEqualTo(Credits.of(500));

		Outcome rejected = outcomes.resolve(org, "r-2", CONSULTANT, "re-running the panel", Resolution.REJECT);
		assertThat(rejected.status()).isEqualTo(OutcomeStatus.REJECTED);
		assertThat(balance().held()).isEqualTo(Credits.ZERO);
		assertThat(balance().available()).isEqualTo(Credits.of(1000));
		assertThat(rejected.audit().get(2).reason()).isEqualTo("values do not match the sample");
		assertThat(rejected.audit().get(3).actorEmail()).isEqualTo(CONSULTANT.email());
	}

	@Test
	void aDisputeResolvedForBillingChargesTheHeldFeeOnce() {
		propose("r-3");
		outcomes.approve(org, "r-3", REVIEWER, null);
		outcomes.dispute(org, "r-3", REVIEWER, "late");
		outcomes.resolve(org, "r-3", CONSULTANT, "delivered on the agreed date", Resolution.BILL);
		outcomes.resolve(org, "r-3", CONSULTANT, "delivered on the agreed date", Resolution.BILL);
		CLOCK.advance(Duration.ofHours(100));
		outcomes.sweep();

		assertThat(outcomes.find(org, "r-3").orElseThrow().status()).isEqualTo(OutcomeStatus.BILLED);
		assertThat(balance().available()).isEqualTo(Credits.of(500));
		assertThat(balance().held()).isEqualTo(Credits.ZERO);
	}

	@Test
	void aReversedOutcomeGivesTheCreditsBackAndKeepsTheCharge() {
		propose("r-4");
		outcomes.approve(org, "r-4", REVIEWER, null);
		CLOCK.advance(Duration.ofHours(73));
		outcomes.sweep();
		assertThat(balance().available()).isEqualTo(Credits.of(500));

		Outcome reversed = outcomes.reverse(org, "r-4", CONSULTANT, "client came back: report incomplete");
		outcomes.reverse(org, "r-4", CONSULTANT, "client came back: report incomplete");

		assertThat(reversed.status()).isEqualTo(OutcomeStatus.REVERSED);
		assertThat(balance().available()).isEqualTo(Credits.of(1000));
		assertThat(ledger.entries(org, null, 20).entries()).extracting(e -> e.type().name())
			.contains("GRANT", "COMMIT");
		assertThat(outcomes.auditCsv(org, "r-4")).contains("\"billed\",\"reversed\"")
			.contains("\"client came back: report incomplete\"")
			.startsWith("outcome,type,at,actor_id,actor_email,from,to,evidence_sha256,reason");
	}

	@Test
	void approvalWithoutEnoughCreditsIsRefusedWithTheBuyOrUpgradeMessageAndChangesNothing() {
		OrgId poor = orgs.create("Poor Lab", ZoneId.of("UTC")).id();
		memberships.add(poor, REVIEWER.email(), Role.REVIEWER);
		outcomes.propose(poor, new OutcomeCandidate("p-1", "lab_report", "Report",
				new Evidence("https://lab.example/p-1.pdf", SHA, null), null), CONSULTANT);

		assertThatThrownBy(() -> outcomes.approve(poor, "p-1", REVIEWER, null))
			.isInstanceOf(CreditsDeniedException.class)
			.hasMessageContaining("Buy credits or upgrade your plan")
			.satisfies(ex -> assertThat(((ProblemException) ex).status()).isEqualTo(402));
		assertThat(outcomes.find(poor, "p-1").orElseThrow().status()).isEqualTo(OutcomeStatus.PROPOSED);
		assertThat(ledger.balance(poor).held()).isEqualTo(Credits.ZERO);
	}

	@Test
	void onlyTheApproverRoleApprovesAndOnlyTheConsultantResolves() {
		propose("r-5");
		assertThatThrownBy(() -> outcomes.approve(org, "r-5", CONSULTANT, null))
			.satisfies(ex -> assertThat(((ProblemException) ex).code()).isEqualTo("forbidden"));
		assertThatThrownBy(() -> outcomes.approve(org, "r-5", new Actor("x", "stranger@evil.test"), null))
			.satisfies(ex -> assertThat(((ProblemException) ex).code()).isEqualTo("forbidden"));
		assertThat(balance().held()).isEqualTo(Credits.ZERO);

		outcomes.approve(org, "r-5", OWNER, "owner may approve too");
		outcomes.dispute(org, "r-5", REVIEWER, "wrong patient");
		assertThatThrownBy(() -> outcomes.resolve(org, "r-5", REVIEWER, "my own dispute", Resolution.REJECT))
			.satisfies(ex -> assertThat(((ProblemException) ex).code()).isEqualTo("forbidden"));
		assertThat(outcomes.find(org, "r-5").orElseThrow().status()).isEqualTo(OutcomeStatus.DISPUTED);
	}

	@Test
	void aProposalIsIdempotentByIdAndAnotherBodyUnderTheSameIdIsAConflict() {
		Outcome first = propose("r-6");
		Outcome again = propose("r-6");
		assertThat(again).isEqualTo(first);
		assertThatThrownBy(() -> outcomes.propose(org,
				new OutcomeCandidate("r-6", "lab_report", "Another report",
						new Evidence("https://lab.example/other.pdf", SHA, null), first.occurredAt()),
				CONSULTANT))
			.satisfies(ex -> assertThat(((ProblemException) ex).code()).isEqualTo("idempotency_conflict"));
		assertThat(outcomes.list(org, null, null, 10)).hasSize(1);
	}

	@Test
	void anOutcomeWithoutRequiredEvidenceOrWithAScriptLinkIsRefused() {
		assertThatThrownBy(() -> outcomes.propose(org, new OutcomeCandidate("r-7", "lab_report", "Report", null, null),
				CONSULTANT))
			.satisfies(ex -> assertThat(((ProblemException) ex).field()).isEqualTo("evidence"));
		assertThatThrownBy(() -> outcomes.propose(org,
				new OutcomeCandidate("r-7", "lab_report", "Report", new Evidence("javascript:alert(1)", SHA, null),
						null),
				CONSULTANT))
			.satisfies(ex -> assertThat(((ProblemException) ex).field()).isEqualTo("evidence.url"));
		assertThat(outcomes.find(org, "r-7")).isEmpty();
	}

	@Test
	void aDisputeAfterTheWindowClosedIsRefusedAndTheFeeIsBilled() {
		propose("r-8");
		outcomes.approve(org, "r-8", REVIEWER, null);
		CLOCK.advance(Duration.ofHours(72));
		assertThatThrownBy(() -> outcomes.dispute(org, "r-8", REVIEWER, "too late"))
			.satisfies(ex -> assertThat(((ProblemException) ex).code()).isEqualTo("dispute_window_closed"));
		outcomes.sweep();
		assertThat(outcomes.find(org, "r-8").orElseThrow().status()).isEqualTo(OutcomeStatus.BILLED);
	}

	@Test
	void concurrentApprovalsRacingTheWindowJobEndInOneHoldAndOneCharge() throws Exception {
		List<String> ids = List.of("q-1", "q-2", "q-3", "q-4", "q-5");
		for (String id : ids) {
			outcomes.propose(org, new OutcomeCandidate(id, "quick_fix", "Fix " + id, null, null), CONSULTANT);
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Callable<Object>> work = new ArrayList<>();
			for (String id : ids) {
				for (Actor actor : List.of(REVIEWER, OWNER, REVIEWER)) {
					work.add(() -> {
						start.await();
						return outcomes.approve(org, id, actor, null);
					});
				}
			}
			for (int i = 0; i < 4; i++) {
				work.add(() -> {
					start.await();
					int billed = 0;
					for (int round = 0; round < 20; round++) {
						billed += outcomes.sweep();
					}
					return billed;
				});
			}
			List<Future<Object>> results = new ArrayList<>();
			for (Callable<Object> task : work) {
				results.add(pool.submit(task));
			}
			start.countDown();
			for (Future<Object> result : results) {
				try {
					result.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					// An approval that lost to the window job sees the outcome billed
					// already: a conflict, not a second hold.
					assertThat(ex.getCause()).isInstanceOf(ProblemException.class)
						.satisfies(
								cause -> assertThat(((ProblemException) cause).code()).isEqualTo("invalid_transition"));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		outcomes.sweep();
		for (String id : ids) {
			assertThat(outcomes.find(org, id).orElseThrow().status()).isEqualTo(OutcomeStatus.BILLED);
			assertThat(outcomes.find(org, id).orElseThrow().audit()).hasSize(3);
		}
		assertThat(balance().held()).isEqualTo(Credits.ZERO);
		assertThat(balance().available()).isEqualTo(Credits.of(1000 - 5 * 20));
		assertThat(ledger.verify(org).consistent()).isTrue();
	}

}
