package dev.billforge.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.UsageCharge;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.MutableClock;
import dev.billforge.valuemetric.Credits;

/** Alerts reach the bell, the outbox and the org's webhook — once each, with retries. */
// The receiver runs on this machine: the development switch lets webhooks reach it.
@BillforgeIntegrationTest(properties = { "billforge.notifications.dispatch-interval=PT1H",
		"billforge.notifications.webhooks.allow-loopback=true" })
@Import(NotificationsIT.Config.class)
class NotificationsIT {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-10T00:00:00Z"));

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return CLOCK;
		}

		@Bean
		AlertRecipients recipients() {
			return org -> List.of("owner@acme.test");
		}

	}

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	Notifications notifications;

	@Autowired
	List<LedgerCommitListener> listeners;

	HttpServer receiver;

	final AtomicInteger calls = new AtomicInteger();

	final List<String> received = new CopyOnWriteArrayList<>();

	final List<String> signatures = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int call = calls.incrementAndGet();
			int status = call == 1 ? 500 : 200;
			if (status == 200) {
				received.add(body);
				signatures.add(exchange.getRequestHeaders().getFirst("Billforge-Signature"));
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
	}

	/**
	 * An org that crossed 70 % late in the period: one threshold alert, and no projected
	 * exhaustion.
	 */
	private OrgId orgAtSeventyPercent() {
		CLOCK.set(Instant.parse("2027-01-01T12:00:00Z"));
		OrgId org = orgs.create("Acme", ZoneId.of("UTC")).id();
		ledger.grant(org, new GrantRequest("pack", GrantSource.PACK, Credits.of(10000), null, null, "test", null));
		CLOCK.advance(Duration.ofDays(27));
		ledger.recordUsage(org, List.of(new UsageCharge("u1", "page|7000", "page", java.math.BigDecimal.valueOf(7000),
				Credits.of(7000), CLOCK.instant(), Map.of())), false);
		return org;
	}

	@Test
	void anAlertLandsInTheBellTheOutboxAndTheWebhookOnceEach() throws Exception {
		// Usage late in the period: at this run-rate the credits last beyond period end
		// (no projection alert).
		CLOCK.set(Instant.parse("2026-12-01T12:00:00Z"));
		OrgId org = orgs.create("Hooked", ZoneId.of("UTC")).id();
		OrgWebhook hook = notifications.configureWebhook(org,
				"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
		ledger.grant(org, new GrantRequest("pack", GrantSource.PACK, Credits.of(10000), null, null, "test", null));
		CLOCK.advance(Duration.ofDays(27));
		ledger.recordUsage(org, List.of(new UsageCharge("u1", "page|7000", "page", java.math.BigDecimal.valueOf(7000),
				Credits.of(7000), CLOCK.instant(), Map.of())), false);

		List<Notification> inbox = notifications.inbox(org, 10);
		assertThat(inbox).singleElement().satisfies(n -> {
			assertThat(n.type()).isEqualTo("threshold");
			assertThat(n.threshold()).isEqualTo(70);
		});
		assertThat(notifications.unreadCount(org)).isEqualTo(1);

		notifications.deliverDue();
		assertThat(calls.get()).isEqualTo(1);
		assertThat(received).isEmpty();
		assertThat(notifications.outbox(10)).anySatisfy(mail -> {
			assertThat(mail.to()).containsExactly("owner@acme.test");
			assertThat(mail.subject()).contains("70%");
		});

		CLOCK.advance(Duration.ofMinutes(5));
		notifications.deliverDue();
		CLOCK.advance(Duration.ofHours(2));
		notifications.deliverDue();
		assertThat(received).hasSize(1);
		assertThat(received.get(0)).contains("\"type\":\"alert.threshold\"").contains(org.value());
		String signature = signatures.get(0);
		String timestamp = signature.substring(2, signature.indexOf(','));
		assertThat(signature).contains("v1=" + hmac(hook.secret(), timestamp + "." + received.get(0)));
		assertThat(notifications.deliveries(org, 10)).extracting(Delivery::status)
			.containsExactly(Delivery.Status.DELIVERED, Delivery.Status.DELIVERED);

		notifications.markRead(org, inbox.get(0).id());
		assertThat(notifications.unreadCount(org)).isZero();
	}

	@Test
	void aCommitProjectedTwiceStillNotifiesOnce() {
		OrgId org = orgAtSeventyPercent();
		assertThat(notifications.inbox(org, 10)).hasSize(1);
		// replay the projection as a crash recovery would
		var alert = ledger.alerts(org, 10).get(0);
		var replay = new dev.billforge.ledger.LedgerCommitted(org, 99, List.of(), List.of(), List.of(alert));
		listeners.forEach(listener -> listener.onCommit(replay));
		assertThat(notifications.inbox(org, 10)).hasSize(1);
		assertThat(notifications.deliveries(org, 10)).hasSize(2);
	}

	@Test
	void anotherOrgsNotificationCannotBeMarkedRead() {
		OrgId org = orgAtSeventyPercent();
		OrgId other = orgs.create("Other", ZoneId.of("UTC")).id();
		String id = notifications.inbox(org, 1).get(0).id();
		assertThatThrownBy(() -> notifications.markRead(other, id))
			.isInstanceOf(dev.billforge.common.ProblemException.class)
			.hasMessageContaining("not found");
		assertThat(notifications.unreadCount(org)).isEqualTo(1);
	}

	@Test
	void webhooksMustUseHttpsExceptOnLocalhost() {
		OrgId org = orgs.create("Insecure", ZoneId.of("UTC")).id();
		assertThatThrownBy(() -> notifications.configureWebhook(org, "http://example.com/hook"))
			.isInstanceOf(dev.billforge.common.ProblemException.class);
	}

	private static String hmac(String secret, String message) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
	}

}
