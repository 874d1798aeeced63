package dev.billforge.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;
import dev.billforge.valuemetric.Credits;

/**
 * Two instances of the product on one database: reviewers approve the same outcomes on
 * both at once while both run the window sweep (a zero window, so every approval races
 * it). Each outcome ends with one hold and one charge.
 */
class OutcomesTwoInstancesIT {

	private static final String[] ARGS = { "--billforge.value-metric.free-tier=0",
			"--billforge.outcomes.types.quick_fix.fee=7", "--billforge.outcomes.types.quick_fix.approver-role=reviewer",
			"--billforge.outcomes.types.quick_fix.dispute-window=0s",
			"--spring.application.name=outcomes-two-instances" };

	@Test
	void approvalsAndSweepsOnTwoInstancesChargeEachOutcomeOnce() throws Exception {
		try (TestStorage storage = TestStorage.shared();
				ConfigurableApplicationContext first = storage.run(TestApplication.class, ARGS);
				ConfigurableApplicationContext second = storage.run(TestApplication.class, ARGS)) {
			Outcomes one = first.getBean(Outcomes.class);
			Outcomes two = second.getBean(Outcomes.class);
			OrgId org = first.getBean(Orgs.class).create("Shared client", ZoneId.of("UTC")).id();
			first.getBean(Memberships.class).add(org, "rita@client.test", Role.REVIEWER);
			first.getBean(Memberships.class).add(org, "rob@client.test", Role.REVIEWER);
			CreditLedger ledger = first.getBean(CreditLedger.class);
			ledger.grant(org, new GrantRequest("pack", GrantSource.PACK, Credits.of(1000), null, null, "load", null));
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				ids.add("fix-" + i);
				(i % 2 == 0 ? one : two).propose(org,
						new OutcomeCandidate("fix-" + i, "quick_fix", "Fix " + i, null, null), new Actor("svc", null));
			}

			race(org, ids, one, two);

			for (Outcomes instance : new Outcomes[] { one, two }) {
				instance.sweep();
			}
			for (String id : ids) {
				Outcome outcome = two.find(org, id).orElseThrow();
				assertThat(outcome.status()).as(id).isEqualTo(OutcomeStatus.BILLED);
				assertThat(outcome.audit()).as(id)
					.extracting(OutcomeAuditEntry::to)
					.containsExactly(OutcomeStatus.PROPOSED, OutcomeStatus.APPROVED, OutcomeStatus.BILLED);
			}
			for (CreditLedger instance : new CreditLedger[] { ledger, second.getBean(CreditLedger.class) }) {
				assertThat(instance.balance(org).held()).isEqualTo(Credits.ZERO);
				assertThat(instance.balance(org).available()).isEqualTo(Credits.of(1000 - 12 * 7));
				assertThat(instance.verify(org).consistent()).isTrue();
			}
		}
	}

	private static void race(OrgId org, List<String> ids, Outcomes one, Outcomes two) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> results = new ArrayList<>();
			for (String id : ids) {
				results.add(pool.submit(() -> approve(start, one, org, id, "rita@client.test")));
				results.add(pool.submit(() -> approve(start, two, org, id, "rob@client.test")));
			}
			for (Outcomes instance : new Outcomes[] { one, two }) {
				results.add(pool.submit(() -> {
					start.await();
					for (int round = 0; round < 30; round++) {
						instance.sweep();
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> result : results) {
				try {
					result.get();
				}
				catch (ExecutionException ex) {
					// Only possible failure: the approval lost to the window job, which
					// had billed the outcome already.
					assertThat(ex.getCause()).isInstanceOf(ProblemException.class)
						.satisfies(
								cause -> assertThat(((ProblemException) cause).code()).isEqualTo("invalid_transition"));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Object approve(CountDownLatch start, Outcomes instance, OrgId org, String id, String email)
			throws InterruptedException {
		start.await();
		return instance.approve(org, id, new Actor(email, email), null);
	}

}
