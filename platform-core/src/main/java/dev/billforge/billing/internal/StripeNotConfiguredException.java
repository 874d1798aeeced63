package dev.billforge.billing.internal;

/**
 * A deployment with a real database but no Stripe key: refuse to start rather than run
 * the emulator.
 */
public class StripeNotConfiguredException extends IllegalStateException {

	public StripeNotConfiguredException() {
		super("Stripe is not configured: this deployment uses an external MongoDB (MONGODB_URI) but STRIPE_SECRET_KEY "
				+ "is not set. Set STRIPE_SECRET_KEY (sk_test_... or sk_live_...) and STRIPE_WEBHOOK_SECRET (whsec_..., "
				+ "comma-separated during rotation), or for development only billforge.billing.emulator.enabled=true.");
	}

}
