package dev.billforge.storage;

/**
 * Makes the writes acknowledged so far survive a crash. Called by paths that answer
 * someone who will not ask again — a Stripe webhook answered 2xx is never resent — right
 * before that answer. The embedded store otherwise commits to disk only about once a
 * second; a real MongoDB has already made them durable (journaled, majority write
 * concern), so there it does nothing.
 */
@FunctionalInterface
public interface DurableWrites {

	/** Nothing to do: the database made each write durable before acknowledging it. */
	DurableWrites ALREADY_DURABLE = () -> {
	};

	/**
	 * Returns once every write acknowledged before the call is on disk; throws if it
	 * cannot be.
	 */
	void flush();

}
