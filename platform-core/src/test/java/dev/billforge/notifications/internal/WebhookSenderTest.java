package dev.billforge.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * A delivery goes to the address that was checked (no DNS-rebinding window), follows no
 * redirect, and tells the org nothing about why a connection failed.
 */
class WebhookSenderTest {

	HttpServer receiver;

	final List<String> hosts = new CopyOnWriteArrayList<>();

	final List<String> paths = new CopyOnWriteArrayList<>();

	final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void start() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.setExecutor(Executors.newCachedThreadPool());
		receiver.createContext("/", exchange -> {
			hosts.add(exchange.getRequestHeaders().getFirst("Host"));
			paths.add(exchange.getRequestURI().getPath());
			exchange.getRequestBody().readAllBytes();
			switch (exchange.getRequestURI().getPath()) {
				case "/redirect" -> {
					exchange.getResponseHeaders().add("Location", "/elsewhere");
					exchange.sendResponseHeaders(302, -1);
				}
				case "/slow" -> {
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					exchange.sendResponseHeaders(200, -1);
				}
				default -> exchange.sendResponseHeaders(204, -1);
			}
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stop() {
		release.countDown();
		receiver.stop(0);
	}

	// Generous timeouts, so a busy machine never turns an answered call into
	// "unreachable"; only the slow
	// endpoint's test uses a short read timeout, because waiting it out is what it
	// checks.
	private WebhookSender sender(boolean allowLoopback, WebhookTargets.Resolver dns) {
		return sender(allowLoopback, dns, Duration.ofSeconds(10));
	}

	private WebhookSender sender(boolean allowLoopback, WebhookTargets.Resolver dns, Duration readTimeout) {
		return new WebhookSender(new WebhookTargets(allowLoopback, dns),
				(SSLSocketFactory) SSLSocketFactory.getDefault(), Executors.newSingleThreadScheduledExecutor(),
				new WebhookDeliveryProperties(allowLoopback, Duration.ofSeconds(10), readTimeout,
						Duration.ofSeconds(20)));
	}

	private int port() {
		return receiver.getAddress().getPort();
	}

	@Test
	void connectsToTheCheckedAddressAndKeepsTheHostName() {
		try (WebhookSender sender = sender(true, host -> host.equals("hooks.example.test")
				? new InetAddress[] { InetAddress.getLoopbackAddress() } : InetAddress.getAllByName(host))) {
			assertThat(sender.post("http://hooks.example.test:" + port() + "/hook", Map.of(), "{}")).isNull();
		}
		assertThat(hosts).containsExactly("hooks.example.test:" + port());
	}

	@Test
	void aNameThatResolvesToThisMachineAtSendTimeIsNeverConnected() {
		AtomicInteger lookups = new AtomicInteger();
		// Public when the URL was saved, loopback when it is sent (DNS rebinding).
		WebhookTargets.Resolver rebinding = host -> new InetAddress[] { lookups.incrementAndGet() == 1
				? InetAddress.getByName("93.184.216.34") : InetAddress.getLoopbackAddress() };
		try (WebhookSender sender = sender(false, rebinding)) {
			new WebhookTargets(false, rebinding).requireAllowed("https://rebind.example.test:" + port() + "/hook");
			String error = sender.post("https://rebind.example.test:" + port() + "/hook", Map.of(), "{}");
			assertThat(error).startsWith("target not allowed");
		}
		assertThat(paths).isEmpty();
	}

	@Test
	void loopbackSpellingsAreRefusedAtSendTimeToo() {
		try (WebhookSender sender = sender(false, WebhookSenderTest::noDns)) {
			for (String host : List.of("127.0.0.1", "localhost", "[::1]", "2130706433", "[::ffff:127.0.0.1]")) {
				assertThat(sender.post("https://" + host + ":" + port() + "/hook", Map.of(), "{}"))
					.startsWith("target not allowed");
			}
		}
		assertThat(paths).isEmpty();
	}

	@Test
	void redirectsAreNotFollowed() {
		try (WebhookSender sender = sender(true, WebhookSenderTest::noDns)) {
			assertThat(sender.post("http://127.0.0.1:" + port() + "/redirect", Map.of(), "{}"))
				.isEqualTo("HTTP 302 (redirects are not followed)");
		}
		assertThat(paths).containsExactly("/redirect");
	}

	@Test
	void aClosedPortAndASlowEndpointLookTheSameInTheDeliveryLog() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		try (WebhookSender sender = sender(true, WebhookSenderTest::noDns, Duration.ofMillis(500))) {
			String refused = sender.post("http://127.0.0.1:" + closedPort + "/hook", Map.of(), "{}");
			String slow = sender.post("http://127.0.0.1:" + port() + "/slow", Map.of(), "{}");
			assertThat(refused).isEqualTo(slow).isEqualTo(WebhookSender.UNREACHABLE);
		}
	}

	/** Literals and localhost only: a test never asks real DNS. */
	static InetAddress[] noDns(String host) throws UnknownHostException {
		if (host.matches("[0-9.]+|[0-9a-fA-F:.]+|localhost")) {
			return InetAddress.getAllByName(host);
		}
		throw new UnknownHostException(host);
	}

}
