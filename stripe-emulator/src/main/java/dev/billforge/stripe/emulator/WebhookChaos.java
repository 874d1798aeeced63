package dev.billforge.stripe.emulator;

/**
 * Test switch for chaotic webhook delivery. With a fixed seed the same sequence of events
 * gets the same decisions: each event is sent one to three times, copies are delayed by a
 * random jitter (so they arrive out of order) and an attempt may fail transiently (it is
 * not sent and is retried with backoff).
 *
 * @param seed random seed; equal seeds give equal decisions for equal event sequences
 * @param maxJitterMillis upper bound of the random delay added to every copy
 * @param transientFailureRate probability (0..1) that an attempt is dropped and retried
 * later
 */
public record WebhookChaos(long seed, long maxJitterMillis, double transientFailureRate) {

	public WebhookChaos {
		if (maxJitterMillis < 0 || transientFailureRate < 0 || transientFailureRate >= 1) {
			throw new IllegalArgumentException("jitter must be >= 0 and failure rate in [0, 1)");
		}
	}

	public static WebhookChaos seeded(long seed) {
		return new WebhookChaos(seed, 300, 0.25);
	}
}
