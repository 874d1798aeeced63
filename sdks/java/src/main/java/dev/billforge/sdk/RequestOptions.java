package dev.billforge.sdk;

/**
 * Per-call options.
 *
 * @param idempotencyKey sent as {@code Idempotency-Key} (operator grants, contracts);
 * null for none
 */
public record RequestOptions(String idempotencyKey) {

	private static final RequestOptions NONE = new RequestOptions(null);

	public static RequestOptions none() {
		return NONE;
	}

	public static RequestOptions idempotencyKey(String key) {
		return new RequestOptions(key);
	}

}
