package dev.billforge.billing.internal;

/**
 * A live Stripe key with the embedded store: refuse to start. The embedded store commits
 * to disk about once a second, so a crash could lose real payments that were already
 * acknowledged to Stripe.
 */
public class LiveKeyOnEmbeddedStorageException extends IllegalStateException {

	public LiveKeyOnEmbeddedStorageException() {
		super("A live Stripe key (STRIPE_SECRET_KEY=sk_live_... / rk_live_...) is configured but this deployment uses "
				+ "the embedded storage default (no MONGODB_URI). The embedded store is for development and trials: "
				+ "it is not a database for real money.");
	}

}
