package dev.billforge.stripe.emulator;

import java.time.Duration;

/**
 * A fault injected into the next {@code count} API requests whose path starts with
 * {@code pathPrefix} (and, if given, whose method equals {@code method}).
 *
 * @param method HTTP method to match, or {@code null} for any
 * @param pathPrefix path prefix such as {@code /v1/checkout/sessions}
 * @param kind what goes wrong
 * @param count how many matching requests are affected
 * @param delay for {@link Kind#DELAY}: how long the response is held back (the request is
 * still processed)
 */
public record Fault(String method, String pathPrefix, Kind kind, int count, Duration delay) {

	/** Kind of injected fault. */
	public enum Kind {

		/** 500 {@code api_error}; the request is not processed. */
		SERVER_ERROR,
		/** 429 {@code rate_limit_error}; the request is not processed. */
		RATE_LIMIT,
		/**
		 * The request is processed, then the response is delayed (to make clients time
		 * out).
		 */
		DELAY

	}

	public Fault {
		if (pathPrefix == null || !pathPrefix.startsWith("/") || kind == null || count < 1) {
			throw new IllegalArgumentException("fault needs a path prefix, a kind and count >= 1");
		}
		delay = delay == null ? Duration.ZERO : delay;
	}
}
