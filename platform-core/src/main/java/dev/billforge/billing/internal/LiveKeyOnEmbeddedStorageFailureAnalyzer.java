package dev.billforge.billing.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a live Stripe key on the embedded store into a startup message that says what to
 * change.
 */
public class LiveKeyOnEmbeddedStorageFailureAnalyzer
		extends AbstractFailureAnalyzer<LiveKeyOnEmbeddedStorageException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LiveKeyOnEmbeddedStorageException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set MONGODB_URI to a real MongoDB (replica set) for live payments, or use a test key (sk_test_...) "
						+ "with the embedded store (see docs/billing.md, \"Go live with real Stripe\").",
				cause);
	}

}
