package dev.billforge.stripe.emulator;

import java.time.Duration;
import java.util.List;

/**
 * How the emulator retries a failed subscription invoice payment and what it does when
 * retries run out.
 *
 * @param retryDelays delay before each retry, counted from the previous failed attempt
 * @param finalAction what happens to the subscription after the last retry fails
 */
public record DunningSchedule(List<Duration> retryDelays, FinalAction finalAction) {

	/** Subscription state after the last failed retry. */
	public enum FinalAction {

		/** Subscription becomes {@code unpaid}; the invoice stays open. */
		MARK_UNPAID,
		/** Subscription is canceled; the invoice is marked uncollectible. */
		CANCEL

	}

	public DunningSchedule {
		retryDelays = List.copyOf(retryDelays);
		if (finalAction == null) {
			throw new IllegalArgumentException("finalAction is required");
		}
	}

	/**
	 * Retries 3, 5 and 7 days after the previous failure (days 3, 8 and 15), then
	 * {@code unpaid}.
	 */
	public static DunningSchedule standard() {
		return new DunningSchedule(List.of(Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7)),
				FinalAction.MARK_UNPAID);
	}
}
