package dev.billforge.stripe.emulator;

/**
 * What happens when the emulator charges a customer's saved payment method (renewals,
 * invoice payments).
 */
public enum PaymentOutcome {

	/** Behaves like test card 4242 4242 4242 4242: every charge succeeds. */
	SUCCEED,
	/**
	 * Behaves like test card 4000 0000 0000 0002: every charge is declined
	 * ({@code card_declined}).
	 */
	DECLINE;

	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static PaymentOutcome fromWire(String value) {
		return valueOf(value.toUpperCase(java.util.Locale.ROOT));
	}

}
