package dev.billforge.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.billforge.accounts.AccountsProperties;
import dev.billforge.testsupport.MutableClock;

/**
 * Throttles stay bounded, forget idle keys, never hold raw input, and lock per client and
 * account.
 */
class ThrottleTest {

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

	@Test
	void manyDistinctKeysStayWithinTheBound() {
		Throttle throttle = new Throttle(3, Duration.ofMinutes(15), clock, 1_000);

		for (int i = 0; i < 20_000; i++) {
			throttle.record(Throttle.key("client", "10.0." + i));
		}

		assertThat(throttle.size()).isLessThanOrEqualTo(1_000);
	}

	@Test
	void idleKeysAreEvictedAfterTheWindow() {
		Throttle throttle = new Throttle(3, Duration.ofMinutes(15), clock, 1_000);
		for (int i = 0; i < 100; i++) {
			throttle.record(Throttle.key("client", "10.0." + i));
		}

		clock.advance(Duration.ofMinutes(16));

		assertThat(throttle.size()).isZero();
	}

	@Test
	void keysAreFixedSizeHashesOfTheirParts() {
		String huge = "x@" + ".".repeat(60_000);

		assertThat(Throttle.key("mail", huge)).hasSize(32).doesNotContain("x@");
		assertThat(Throttle.key("a", "bc")).isNotEqualTo(Throttle.key("ab", "c"));
	}

	@Test
	void aClientLockedOutOfAnAccountDoesNotLockOthersOutAndUnlockLiftsItForEveryClient() {
		SignInThrottle signIns = new SignInThrottle(
				new AccountsProperties(null, 5, 50, null, null, null, null, null, null), clock);
		for (int i = 0; i < 5; i++) {
			signIns.failed("203.0.113.9", "ops@example.test");
		}

		assertThat(signIns.locked("203.0.113.9", "ops@example.test")).isTrue();
		assertThat(signIns.locked("198.51.100.7", "ops@example.test")).isFalse();
		assertThat(signIns.locked("203.0.113.9", "other@example.test")).isFalse();

		signIns.unlock("ops@example.test");
		assertThat(signIns.locked("203.0.113.9", "ops@example.test")).isFalse();
	}

	@Test
	void oneClientSprayingManyAccountsIsLockedOutOfAll() {
		SignInThrottle signIns = new SignInThrottle(
				new AccountsProperties(null, 5, 50, null, null, null, null, null, null), clock);
		for (int i = 0; i < 50; i++) {
			signIns.failed("203.0.113.9", "person" + i + "@example.test");
		}

		assertThat(signIns.locked("203.0.113.9", "fresh@example.test")).isTrue();
		assertThat(signIns.locked("198.51.100.7", "fresh@example.test")).isFalse();
	}

}
