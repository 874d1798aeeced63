package dev.billforge.stripe.emulator;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A test HTTP endpoint that records webhook deliveries and can fail the first N of them.
 */
final class WebhookReceiver implements AutoCloseable {

	/** One delivery as received: raw body and signature header. */
	record Delivery(String payload, String signature) {
	}

	private final HttpServer server;

	private final List<Delivery> deliveries = new ArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final AtomicInteger rejected = new AtomicInteger();

	WebhookReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int status = 200;
			if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				status = 503;
				rejected.incrementAndGet();
			}
			else {
				synchronized (deliveries) {
					deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("Stripe-Signature")));
				}
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	void failNext(int n) {
		failuresLeft.set(n);
	}

	int rejectedCount() {
		return rejected.get();
	}

	List<Delivery> deliveries() {
		synchronized (deliveries) {
			return List.copyOf(deliveries);
		}
	}

	/** Every accepted delivery, verified with stripe-java's Webhook.constructEvent. */
	List<Event> events(String secret) {
		List<Event> out = new ArrayList<>();
		for (Delivery d : deliveries()) {
			try {
				out.add(Webhook.constructEvent(d.payload(), d.signature(), secret));
			}
			catch (SignatureVerificationException e) {
				throw new AssertionError("bad signature on " + d.payload(), e);
			}
		}
		return out;
	}

	/** Waits until a verified event matches; returns it or fails the test. */
	Event await(String secret, Predicate<Event> match, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (Event e : events(secret)) {
				if (match.test(e)) {
					return e;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no matching webhook within " + timeout + "; got "
				+ events(secret).stream().map(Event::getType).toList());
	}

	Event awaitType(String secret, String type) throws InterruptedException {
		return await(secret, e -> type.equals(e.getType()), Duration.ofSeconds(30));
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
