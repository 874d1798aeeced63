package dev.billforge.observability.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A remote check asked at most once per {@code ttl}: readiness is probed every few
 * seconds by every instance, and Keycloak or Stripe should not see that traffic (Stripe
 * rate-limits).
 */
abstract class CachedHealth implements HealthIndicator {

	private final Clock clock;

	private final Duration ttl;

	private volatile Health last;

	private volatile Instant checkedAt = Instant.MIN;

	CachedHealth(Clock clock, Duration ttl) {
		this.clock = clock;
		this.ttl = ttl;
	}

	@Override
	public Health health() {
		Instant now = clock.instant();
		if (last == null || checkedAt.plus(ttl).isBefore(now)) {
			last = check();
			checkedAt = now;
		}
		return last;
	}

	abstract Health check();

	static Health down(String what, Exception ex) {
		return Health.down().withDetail(what, ex.getClass().getSimpleName()).build();
	}

}
