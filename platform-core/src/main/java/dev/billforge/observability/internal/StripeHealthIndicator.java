package dev.billforge.observability.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.health.contributor.Health;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.ProductListParams;

/**
 * Readiness part "stripe": Stripe (or the emulator) answers a one-item product list, with
 * short timeouts and no retries so a probe never hangs.
 */
class StripeHealthIndicator extends CachedHealth {

	private final StripeClient stripe;

	StripeHealthIndicator(StripeClient stripe, Clock clock) {
		super(clock, Duration.ofSeconds(30));
		this.stripe = stripe;
	}

	@Override
	Health check() {
		if (stripe == null) {
			return Health.up().withDetail("stripe", "not configured").build();
		}
		try {
			stripe.v1()
				.products()
				.list(ProductListParams.builder().setLimit(1L).build(),
						RequestOptions.builder()
							.setConnectTimeout(2000)
							.setReadTimeout(3000)
							.setMaxNetworkRetries(0)
							.build());
			return Health.up().build();
		}
		catch (StripeException | RuntimeException ex) {
			return down("stripe", ex);
		}
	}

}
