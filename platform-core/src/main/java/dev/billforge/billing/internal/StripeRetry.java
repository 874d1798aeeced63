package dev.billforge.billing.internal;

import com.stripe.exception.StripeException;

/**
 * Retries a Stripe write on transient faults (5xx, 429, timeouts) with the SAME
 * idempotency key, so a retry replays the first result instead of creating a second
 * object. stripe-java retries by itself only when Stripe says so
 * ({@code Stripe-Should-Retry}), on 409 and on connection errors.
 */
final class StripeRetry {

	/** A Stripe call that may throw. */
	interface StripeCall<T> {

		T call() throws StripeException;

	}

	static final int ATTEMPTS = 3;

	private StripeRetry() {
	}

	static <T> T withRetries(StripeCall<T> call) throws StripeException {
		StripeException last = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			try {
				return call.call();
			}
			catch (StripeException ex) {
				if (!StripeFailures.transientFault(ex) || attempt == ATTEMPTS) {
					throw ex;
				}
				last = ex;
				try {
					Thread.sleep(100L << attempt); // 200 ms, 400 ms
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
		throw last;
	}

}
