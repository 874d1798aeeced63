package dev.billforge.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.billforge.common.ProblemException;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.MutableClock;

/**
 * The limits on orgs a person creates hold under concurrent requests (two tabs, two
 * instances): never more than one free-tier org and never more than the window allows,
 * however the requests interleave.
 */
@BillforgeIntegrationTest(properties = { "billforge.orgs.free-tier-orgs-per-person=1",
		"billforge.orgs.max-created-per-window=5", "billforge.orgs.creation-window=PT1H" })
@Import(OrgCreationLimitsIT.Config.class)
class OrgCreationLimitsIT {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

	}

	@Autowired
	Orgs orgs;

	@Test
	void concurrentCreationsGetOneFreeTierOrgAndStayWithinTheWindow() throws Exception {
		String person = "racing-person-sub";
		int requests = 12;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		List<Future<Org>> results = new ArrayList<>();
		try {
			for (int i = 0; i < requests; i++) {
				String name = "Tab " + i;
				Callable<Org> create = () -> {
					start.await();
					try {
						return orgs.createFor(person, name, ZoneId.of("UTC"));
					}
					catch (ProblemException ex) {
						assertThat(ex.code()).isEqualTo("org_limit");
						return null;
					}
				};
				results.add(pool.submit(create));
			}
			start.countDown();
			List<Org> created = new ArrayList<>();
			for (Future<Org> result : results) {
				Org org = result.get();
				if (org != null) {
					created.add(org);
				}
			}
			assertThat(created).hasSize(5);
			assertThat(created.stream().filter(org -> orgs.freeTierEligible(org.id())).count()).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}

		assertThatThrownBy(() -> orgs.createFor(person, "Too soon", ZoneId.of("UTC")))
			.isInstanceOf(ProblemException.class);
		CLOCK.advance(Duration.ofHours(1));
		Org later = orgs.createFor(person, "An hour later", ZoneId.of("UTC"));
		assertThat(orgs.freeTierEligible(later.id())).as("the free tier is once per person, not per window").isFalse();
	}

}
