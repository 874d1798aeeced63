package dev.billforge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;
import dev.billforge.valuemetric.Credits;

/**
 * Two application contexts — two instances of the product — on ONE database write to the
 * same org at the same time: usage under keys both instances send, holds reserved on one
 * instance and committed or released on the other, holds both instances reserve under one
 * key. The unique commit id is the only thing keeping them apart, and the result must be
 * as exact as on one instance.
 */
class TwoInstancesIT {

	private static final String[] ARGS = { "--billforge.value-metric.free-tier=0",
			"--billforge.value-metric.meters.page.rate=1", "--spring.application.name=two-instances" };

	@Test
	void twoInstancesOnOneDatabaseChargeEachKeyOnceAndAgreeOnTheExactBalance() throws Exception {
		try (TestStorage storage = TestStorage.shared();
				ConfigurableApplicationContext first = storage.run(TestApplication.class, ARGS);
				ConfigurableApplicationContext second = storage.run(TestApplication.class, ARGS)) {
			CreditLedger one = first.getBean(CreditLedger.class);
			CreditLedger two = second.getBean(CreditLedger.class);
			OrgId org = first.getBean(Orgs.class).create("Shared org", ZoneId.of("Europe/Berlin")).id();
			assertThat(second.getBean(Orgs.class).find(org)).isPresent();

			LedgerConcurrencyIT.Workload workload = new LedgerConcurrencyIT.Workload(4242, 16, 20, 2);
			Credits granted = workload.grantFor70Percent();
			// The grant goes in on one instance and is repeated on the other: still one
			// grant.
			one.grant(org, new GrantRequest("pack-1", GrantSource.PACK, granted, null, null, "load", null));
			assertThat(two.grant(org, new GrantRequest("pack-1", GrantSource.PACK, granted, null, null, "load", null))
				.duplicate()).isTrue();

			// Even threads reserve and debit on the first instance and commit and release
			// on the second; odd
			// threads the other way round. Keys shared by all threads reach both
			// instances.
			workload.run(org, one, two);

			for (CreditLedger instance : new CreditLedger[] { one, two }) {
				workload.assertOutcome(org, instance, granted);
				LedgerVerification verification = instance.verify(org);
				assertThat(verification.differences()).isEmpty();
				assertThat(verification.consistent()).isTrue();
			}
			assertThat(one.balance(org)).isEqualTo(two.balance(org));
		}
	}

}
