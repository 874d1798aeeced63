package dev.billforge.labportal.engagements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.billforge.common.ProblemException;
import dev.billforge.labportal.LabPortalApplication;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.CreditsDeniedException;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * Consulting engagements on the embedded defaults: the estimate held at acceptance,
 * weekly approvals charged against the hold (150 LC an hour), over-estimate work only
 * through an approved change, the rest released at closing — and the ledger agreeing with
 * every step.
 */
@BillforgeIntegrationTest(classes = LabPortalApplication.class)
@Import(EngagementsIT.Config.class)
class EngagementsIT {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

	}

	static final Person CONSULTANT = new Person("carl@consulting.test", Role.CONSULTANT);

	static final Person REVIEWER = new Person("rita@client.test", Role.REVIEWER);

	@Autowired
	EngagementService engagements;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Test
	void theEstimateIsHeldWeeklyApprovalsAreChargedAndTheRestIsReleasedAtClosing() {
		OrgId org = clientWithCredits(3000);
		Engagement proposed = engagements.propose(org, CONSULTANT, "LIMS migration", "10");
		assertThat(ledger.balance(org).held()).isEqualTo(Credits.ZERO); // nothing held
																		// before the
																		// client accepts
		assertThatThrownBy(() -> engagements.accept(org, proposed.id(), CONSULTANT)).satisfies(forbidden());

		String id = engagements.accept(org, proposed.id(), REVIEWER).id();
		assertBalance(org, 1500, 1500);

		engagements.logTime(org, id, CONSULTANT, "2026-11-09", "3", "schema"); // week of
																				// Monday
																				// 9
																				// November
		engagements.logTime(org, id, CONSULTANT, "2026-11-10", "2.5", "import");
		engagements.logTime(org, id, CONSULTANT, "2026-11-17", "4", "review"); // the next
																				// week
		assertThatThrownBy(() -> engagements.logTime(org, id, REVIEWER, "2026-11-17", "1", null))
			.satisfies(forbidden());
		assertThatThrownBy(() -> engagements.approveWeek(org, id, CONSULTANT, "2026-11-09")).satisfies(forbidden());

		Engagement week1 = engagements.approveWeek(org, id, REVIEWER, "2026-11-11"); // any
																						// day
																						// names
																						// its
																						// week
		assertThat(week1.approvedHours()).isEqualByComparingTo("5.5");
		assertThat(week1.charged()).isEqualTo(Credits.of(825));
		assertThat(week1.held()).isEqualTo(Credits.of(675));
		assertBalance(org, 1500, 675); // charged 825 of the 1500 held; the rest is held
										// again

		// Approving the same week again charges nothing more.
		assertThat(engagements.approveWeek(org, id, REVIEWER, "2026-11-09").charged()).isEqualTo(Credits.of(825));
		assertBalance(org, 1500, 675);

		engagements.approveWeek(org, id, REVIEWER, "2026-11-17");
		assertBalance(org, 1500, 75); // 9.5 h charged: 1425 LC

		// Half an hour is left of the estimate: more needs a change the client approves.
		assertThatThrownBy(() -> engagements.logTime(org, id, CONSULTANT, "2026-11-18", "1", null))
			.satisfies(code("over_estimate"));
		Engagement changed = engagements.requestChange(org, id, CONSULTANT, "4", "validation runs took longer");
		assertThat(ledger.balance(org).held()).isEqualTo(Credits.of(75)); // a request
																			// holds
																			// nothing
		assertThatThrownBy(() -> engagements.approveChange(org, id, CONSULTANT, 1)).satisfies(forbidden());
		changed = engagements.approveChange(org, id, REVIEWER, 1);
		assertThat(changed.budgetHours()).isEqualByComparingTo("14");
		assertBalance(org, 3000 - 1425 - 675, 675); // a new hold of 600 next to the
													// remaining 75

		engagements.logTime(org, id, CONSULTANT, "2026-11-18", "1", null);
		engagements.logTime(org, id, CONSULTANT, "2026-11-19", "2", null);
		Engagement third = engagements.approveWeek(org, id, REVIEWER, "2026-11-16");
		assertThat(third.charged()).isEqualTo(Credits.of(1875)); // 12.5 h
		assertBalance(org, 900, 225); // 75 + 600 held, 450 charged: 225 held again

		engagements.logTime(org, id, CONSULTANT, "2026-11-19", "1", "not approved before closing");
		Engagement closed = engagements.close(org, id, REVIEWER);
		assertThat(closed.status()).isEqualTo(EngagementStatus.CLOSED);
		assertThat(closed.held()).isEqualTo(Credits.ZERO);
		assertBalance(org, 3000 - 1875, 0); // the rest released, unapproved time not
											// charged
		assertThat(ledger.verify(org).consistent()).isTrue();
		assertThatThrownBy(() -> engagements.logTime(org, id, CONSULTANT, "2026-11-19", "1", null))
			.satisfies(code("invalid_transition"));
	}

	/**
	 * The minute sweep looks for steps left behind on every instance; its query must be
	 * served by the sparse {@code pending_step} index (this class's index-coverage check
	 * judges it), and with nothing left behind it changes nothing.
	 */
	@Test
	void theSweepWithNothingLeftBehindFinishesNothingAndChangesNoBalance() {
		OrgId org = clientWithCredits(3000);
		String id = engagements.accept(org, engagements.propose(org, CONSULTANT, "Sweep", "4").id(), REVIEWER).id();
		engagements.logTime(org, id, CONSULTANT, "2026-11-09", "2", null);
		engagements.approveWeek(org, id, REVIEWER, "2026-11-09");

		assertThat(engagements.sweep()).isZero();

		assertBalance(org, 2400, 300);
	}

	@Test
	void acceptingWithoutEnoughCreditsIsRefusedWithTheBuyMessageAndHoldsNothing() {
		OrgId org = clientWithCredits(1000);
		Engagement proposed = engagements.propose(org, CONSULTANT, "Audit", "8"); // 1,200
																					// LC

		assertThatThrownBy(() -> engagements.accept(org, proposed.id(), REVIEWER))
			.isInstanceOf(CreditsDeniedException.class)
			.hasMessageContaining("1200 LC")
			.hasMessageContaining("Buy credits");
		assertThat(engagements.find(org, proposed.id()).orElseThrow().status()).isEqualTo(EngagementStatus.PROPOSED);
		assertBalance(org, 1000, 0);
	}

	@RepeatedTest(5) // a race: one round can miss the interleaving that matters
	void twoApprovalsOfTheSameWeekAtOnceChargeItOnce() throws Exception {
		OrgId org = clientWithCredits(3000);
		String id = engagements.accept(org, engagements.propose(org, CONSULTANT, "Validation", "20").id(), REVIEWER)
			.id();
		engagements.logTime(org, id, CONSULTANT, "2026-11-16", "3", null);
		engagements.logTime(org, id, CONSULTANT, "2026-11-17", "2", null);

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Engagement>> approvals = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				approvals.add(pool.submit(() -> {
					start.await();
					return engagements.approveWeek(org, id, REVIEWER, "2026-11-16");
				}));
			}
			start.countDown();
			for (Future<Engagement> approval : approvals) {
				assertThat(approval.get().charged()).isEqualTo(Credits.of(750));
			}
		}
		finally {
			pool.shutdownNow();
		}

		Engagement after = engagements.find(org, id).orElseThrow();
		assertThat(after.approvals()).hasSize(1);
		assertThat(after.held()).isEqualTo(Credits.of(2250));
		assertBalance(org, 3000 - 3000, 2250); // 750 charged once, 2250 still held
		assertThat(ledger.verify(org).consistent()).isTrue();
	}

	@Test
	void anotherOrgsEngagementIsNotFoundAndInputsAreBounded() {
		OrgId org = clientWithCredits(3000);
		OrgId other = clientWithCredits(3000);
		String id = engagements.accept(org, engagements.propose(org, CONSULTANT, "Private", "2").id(), REVIEWER).id();

		assertThat(engagements.find(other, id)).isEmpty();
		assertThatThrownBy(() -> engagements.approveWeek(other, id, REVIEWER, "2026-11-16"))
			.satisfies(code("not_found"));
		assertThatThrownBy(() -> engagements.logTime(org, id, CONSULTANT, "2026-11-16", "1e400", null))
			.satisfies(code("invalid_request"));
		assertThatThrownBy(() -> engagements.logTime(org, id, CONSULTANT, "2026-11-16", "0.333", null))
			.satisfies(code("invalid_request"));
		assertThatThrownBy(() -> engagements.logTime(org, id, CONSULTANT, "2026-11-16", "25", null))
			.satisfies(code("invalid_request"));
		assertThatThrownBy(() -> engagements.logTime(org, id, CONSULTANT, "2099-01-01", "1", null))
			.satisfies(code("invalid_request"));
		assertThatThrownBy(() -> engagements.propose(org, CONSULTANT, "x".repeat(201), "1"))
			.satisfies(code("invalid_request"));
		assertThat(engagements.entries(org, id)).isEmpty();
	}

	private OrgId clientWithCredits(long credits) {
		OrgId org = orgs.create("Client Lab", ZoneId.of("Europe/Berlin")).id();
		ledger.grant(org, new GrantRequest("pack-" + org.value(), GrantSource.PACK, Credits.of(credits), null, null,
				"pack", null));
		return org;
	}

	private void assertBalance(OrgId org, long available, long held) {
		Balance balance = ledger.balance(org);
		assertThat(balance.available()).as("available").isEqualTo(Credits.of(available));
		assertThat(balance.held()).as("held").isEqualTo(Credits.of(held));
	}

	private static java.util.function.Consumer<Throwable> forbidden() {
		return code("forbidden");
	}

	private static java.util.function.Consumer<Throwable> code(String code) {
		return ex -> assertThat(((ProblemException) ex).code()).isEqualTo(code);
	}

}
