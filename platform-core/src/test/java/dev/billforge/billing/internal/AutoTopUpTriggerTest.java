package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import dev.billforge.billing.BillingProperties;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

class AutoTopUpTriggerTest {

	@Test
	@SuppressWarnings("unchecked")
	void anOrgRefusedByAFullQueueIsHandedOverAgainByItsNextCommit() throws Exception {
		AutoTopUps topUps = mock(AutoTopUps.class);
		ObjectProvider<AutoTopUps> provider = mock(ObjectProvider.class);
		when(provider.getObject()).thenReturn(topUps);
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch bothRunning = new CountDownLatch(2);
		doAnswer(call -> {
			bothRunning.countDown();
			busy.await(10, TimeUnit.SECONDS);
			return null;
		}).when(topUps).evaluate(any());
		AutoTopUpTrigger trigger = new AutoTopUpTrigger(provider, null, new BillingProperties(), 1);
		try {
			trigger.onCommit(charged("org_a")); // both workers busy ...
			trigger.onCommit(charged("org_b"));
			assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();
			trigger.onCommit(charged("org_c")); // ... one waits in the queue ...
			trigger.onCommit(charged("org_d")); // ... and the queue is full: refused
			busy.countDown();
			verify(topUps, timeout(5_000)).evaluate(new OrgId("org_c"));

			trigger.onCommit(charged("org_d"));

			verify(topUps, timeout(5_000)).evaluate(new OrgId("org_d"));
		}
		finally {
			busy.countDown();
			trigger.destroy();
		}
	}

	private static LedgerCommitted charged(String org) {
		return new LedgerCommitted(new OrgId(org), 1, List
			.of(new LedgerCommitted.Charged("usage:1", null, BigDecimal.ONE, Credits.of(1), Instant.now(), Map.of())),
				List.of(), List.of());
	}

}
