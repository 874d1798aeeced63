package dev.billforge.billing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;

import dev.billforge.common.ProblemException;

/**
 * Maps Stripe faults to problems a person or client can act on; never a 500 with a stack
 * trace.
 */
final class StripeFailures {

	private static final Logger log = LoggerFactory.getLogger(StripeFailures.class);

	private StripeFailures() {
	}

	static ProblemException unavailable(String doing, StripeException ex) {
		if (ex instanceof ApiConnectionException || ex instanceof ApiException || ex instanceof RateLimitException
				|| (ex.getStatusCode() != null && ex.getStatusCode() >= 500)) {
			log.warn("Stripe unavailable while {}: {}", doing, ex.getMessage());
			return new ProblemException(503, "payment_provider_unavailable",
					"the payment provider is not reachable right now (" + doing
							+ "); nothing was charged — please retry");
		}
		if (ex instanceof CardException) {
			return new ProblemException(402, "payment_failed", ex.getMessage());
		}
		if (ex instanceof IdempotencyException || ex instanceof InvalidRequestException) {
			log.error("Stripe rejected a request while {}: {}", doing, ex.getMessage());
			return new ProblemException(502, "payment_provider_error",
					"the payment provider rejected the request (" + doing + ")");
		}
		log.error("Stripe error while {}", doing, ex);
		return new ProblemException(502, "payment_provider_error", "the payment provider failed (" + doing + ")");
	}

	/** True when retrying later may succeed (5xx, timeouts, rate limits). */
	static boolean transientFault(StripeException ex) {
		return ex instanceof ApiConnectionException || ex instanceof ApiException || ex instanceof RateLimitException
				|| (ex.getStatusCode() != null && ex.getStatusCode() >= 500);
	}

}
