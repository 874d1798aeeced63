package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;

/**
 * A deployment with a real database and no Stripe key refuses to start and says what to
 * set.
 */
class StripeNotConfiguredIT {

	@Test
	void externalDatabaseWithoutStripeKeyRefusesToStart() {
		try (TestStorage storage = TestStorage.shared()) {
			assertThatThrownBy(() -> storage.run(TestApplication.class, "--billforge.billing.emulator.enabled=false",
					"--STRIPE_SECRET_KEY="))
				.satisfies(ex -> {
					Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
					assertThat(root).isInstanceOf(StripeNotConfiguredException.class);
					FailureAnalysis analysis = new StripeNotConfiguredFailureAnalyzer().analyze(ex);
					assertThat(analysis.getDescription()).contains("STRIPE_SECRET_KEY").contains("MONGODB_URI");
					assertThat(analysis.getAction()).contains("STRIPE_WEBHOOK_SECRET");
				});
		}
	}

}
