package dev.billforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The per-key rate limiter keeps a bounded number of buckets, however many keys are seen.
 */
class RateLimiterTest {

	@Test
	void manyDistinctKeysDoNotGrowTheLimiterPastItsBound() {
		RateLimiter limiter = new RateLimiter(10, 1_000);

		for (int i = 0; i < 100_000; i++) {
			limiter.tryAcquire("bf_live_key-" + i);
		}

		assertThat(limiter.size()).isLessThanOrEqualTo(1_000);
	}

	@Test
	void aKeyStillGetsOnlyItsBurst() {
		RateLimiter limiter = new RateLimiter(1, 1_000);

		assertThat(limiter.tryAcquire("bf_live_one")).isTrue();
		assertThat(limiter.tryAcquire("bf_live_one")).isTrue();
		assertThat(limiter.tryAcquire("bf_live_one")).isFalse();
		assertThat(limiter.tryAcquire("bf_live_other")).isTrue();
	}

}
