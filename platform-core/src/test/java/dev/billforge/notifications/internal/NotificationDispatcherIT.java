package dev.billforge.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.sun.net.httpserver.HttpServer;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.ledger.UsageCharge;
import dev.billforge.notifications.Delivery;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/**
 * A slow webhook endpoint cannot stall the scheduler thread the ledger sweeps and billing
 * jobs share.
 */
@BillforgeIntegrationTest(properties = { "billforge.notifications.dispatch-interval=PT1H",
		"billforge.notifications.webhooks.allow-loopback=true" })
@Import(NotificationDispatcherIT.Config.class)
class NotificationDispatcherIT {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-03-01T12:00:00Z"));

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

	}

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationsConfiguration.NotificationDispatcher dispatcher;

	HttpServer receiver;

	final CountDownLatch arrived = new CountDownLatch(1);

	final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void startSlowReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/slow", exchange -> {
			arrived.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stop() {
		release.countDown();
		receiver.stop(0);
	}

	@Test
	void theSchedulerTickReturnsWhileASlowEndpointHoldsTheDelivery() throws Exception {
		OrgId org = orgs.create("Slow", ZoneId.of("UTC")).id();
		notifications.configureWebhook(org, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/slow");
		ledger.grant(org, new GrantRequest("pack", GrantSource.PACK, Credits.of(10000), null, null, "test", null));
		CLOCK.advance(Duration.ofDays(27));
		ledger.recordUsage(org, List.of(new UsageCharge("u1", "page|7000", "page", BigDecimal.valueOf(7000),
				Credits.of(7000), CLOCK.instant(), Map.of())), false);

		// The tick hands the work to the delivery thread and returns: the endpoint is
		// still holding the
		// request, so the delivery has neither failed (timeout) nor finished.
		dispatcher.dispatch();
		assertThat(arrived.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(notifications.deliveries(org, 10)).filteredOn(d -> d.channel() == Delivery.Channel.WEBHOOK)
			.singleElement()
			.satisfies(d -> {
				assertThat(d.status()).isEqualTo(Delivery.Status.PENDING);
				assertThat(d.attempts()).isEqualTo(1);
				assertThat(d.lastError()).isNull();
			});
	}

}
