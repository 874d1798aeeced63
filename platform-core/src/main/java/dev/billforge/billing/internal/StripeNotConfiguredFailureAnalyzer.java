package dev.billforge.billing.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing Stripe configuration into a startup message that names the variables to
 * set.
 */
public class StripeNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<StripeNotConfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StripeNotConfiguredException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set the environment variables STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (see docs/billing.md, "
						+ "\"Go live with real Stripe\"). For local development without Stripe, remove MONGODB_URI "
						+ "(embedded default) or set billforge.billing.emulator.enabled=true.",
				cause);
	}

}
