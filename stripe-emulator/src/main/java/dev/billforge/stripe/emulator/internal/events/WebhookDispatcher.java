package dev.billforge.stripe.emulator.internal.events;

import dev.billforge.stripe.emulator.WebhookChaos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends events to endpoints asynchronously, one delivery at a time, signing each attempt
 * afresh. A non-2xx answer or an I/O error is retried with exponential backoff up to the
 * configured number of attempts. In chaos mode the seeded random decides, at enqueue time
 * (so runs are reproducible), how many copies are sent, their jitter and how many
 * transient failures precede each.
 */
public final class WebhookDispatcher implements AutoCloseable {

	private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

	/** Where to send: an endpoint's id, URL and signing secret. */
	public record Target(String endpointId, String url, String secret) {
	}

	private record Delivery(String eventId, String body, Target target, int transientFailures) {
	}

	/** Told when an event reached an endpoint (2xx) or delivery to it was given up. */
	public interface Outcome {

		void finished(String eventId, String endpointId, boolean delivered);

	}

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "stripe-emulator-webhooks");
		t.setDaemon(true);
		return t;
	});

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Optional<WebhookChaos> chaos;

	private final Random random;

	private final Duration initialBackoff;

	private final int maxAttempts;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicLong sent = new AtomicLong();

	private volatile Outcome outcome = (event, endpoint, delivered) -> {
	};

	public WebhookDispatcher(Optional<WebhookChaos> chaos, Duration initialBackoff, int maxAttempts) {
		this.chaos = chaos;
		this.random = new Random(chaos.map(WebhookChaos::seed).orElse(0L));
		this.initialBackoff = initialBackoff;
		this.maxAttempts = maxAttempts;
	}

	public void onOutcome(Outcome listener) {
		this.outcome = listener;
	}

	/**
	 * Schedules delivery of one event body to each target; must be called in event order.
	 */
	public synchronized void enqueue(String eventId, String body, List<Target> targets) {
		for (Target target : targets) {
			if (chaos.isEmpty()) {
				schedule(new Delivery(eventId, body, target, 0), 1, 0);
				continue;
			}
			WebhookChaos c = chaos.get();
			int copies = 1 + random.nextInt(3);
			for (int i = 0; i < copies; i++) {
				long jitter = c.maxJitterMillis() == 0 ? 0 : (long) random.nextInt((int) c.maxJitterMillis() + 1);
				int failures = 0;
				while (failures < 2 && random.nextDouble() < c.transientFailureRate()) {
					failures++;
				}
				schedule(new Delivery(eventId, body, target, failures), 1, jitter);
			}
		}
	}

	private void schedule(Delivery delivery, int attempt, long delayMillis) {
		inFlight.incrementAndGet();
		scheduler.schedule(() -> attempt(delivery, attempt), delayMillis, TimeUnit.MILLISECONDS);
	}

	private void attempt(Delivery delivery, int attempt) {
		try {
			boolean ok;
			if (attempt <= delivery.transientFailures()) {
				ok = false;
			}
			else {
				ok = send(delivery);
			}
			if (!ok && attempt < maxAttempts) {
				long backoff = Math.min(initialBackoff.toMillis() << Math.min(attempt - 1, 20), MAX_BACKOFF.toMillis());
				schedule(delivery, attempt + 1, backoff);
			}
			else {
				if (!ok) {
					LOG.warning(() -> "giving up on " + delivery.eventId() + " to " + delivery.target().url());
				}
				notifyOutcome(delivery, ok);
			}
		}
		finally {
			inFlight.decrementAndGet();
		}
	}

	private void notifyOutcome(Delivery delivery, boolean delivered) {
		try {
			outcome.finished(delivery.eventId(), delivery.target().endpointId(), delivered);
		}
		catch (RuntimeException e) {
			LOG.log(Level.WARNING, "recording a webhook outcome failed", e);
		}
	}

	private boolean send(Delivery delivery) {
		long t = System.currentTimeMillis() / 1000;
		HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.target().url()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=utf-8")
			.header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks) billforge-emulator")
			.header("Stripe-Signature", WebhookSigner.header(delivery.target().secret(), t, delivery.body()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
			.build();
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			sent.incrementAndGet();
			return response.statusCode() / 100 == 2;
		}
		catch (java.io.IOException e) {
			LOG.log(Level.FINE, "webhook delivery failed", e);
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Waits until no delivery is scheduled or running; true if that happened within the
	 * timeout.
	 */
	public boolean awaitIdle(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (inFlight.get() > 0) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

	public long requestsSent() {
		return sent.get();
	}

	@Override
	public void close() {
		scheduler.shutdownNow();
	}

}
