package dev.billforge.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts attempts per key in a sliding window, in memory per instance (an attacker
 * spreading attempts over N instances gets N times the budget, still far too few for
 * guessing). Bounded: at most {@code maxKeys} keys, each evicted once idle for a window,
 * and keys are hashes ({@link #key}) of their parts, so neither the number nor the size
 * of entries is the attacker's to choose.
 */
final class Throttle {

	/** Keys kept at most; beyond it Caffeine evicts the least useful ones. */
	static final long DEFAULT_MAX_KEYS = 100_000;

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final Cache<String, Deque<Instant>> attempts;

	Throttle(int limit, Duration window, Clock clock) {
		this(limit, window, clock, DEFAULT_MAX_KEYS);
	}

	Throttle(int limit, Duration window, Clock clock, long maxKeys) {
		this.limit = limit;
		this.window = window;
		this.clock = clock;
		this.attempts = Caffeine.newBuilder()
			.maximumSize(maxKeys)
			.expireAfterAccess(window)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	/**
	 * A fixed-size key for the given parts, e.g. {@code key("signin", client, email)}.
	 */
	static String key(String... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean blocked(String key) {
		Deque<Instant> times = attempts.getIfPresent(key);
		if (times == null) {
			return false;
		}
		synchronized (times) {
			prune(times);
			return times.size() >= limit;
		}
	}

	/** Records an attempt; false when the key was already at its limit. */
	boolean tryAcquire(String key) {
		Deque<Instant> times = attempts.get(key, k -> new ArrayDeque<>());
		synchronized (times) {
			prune(times);
			if (times.size() >= limit) {
				return false;
			}
			times.addLast(clock.instant());
			return true;
		}
	}

	void record(String key) {
		tryAcquire(key);
	}

	void reset(String key) {
		attempts.invalidate(key);
	}

	/**
	 * Drops every key starting with {@code prefix} (all clients' counts for one account).
	 */
	void resetPrefix(String prefix) {
		attempts.asMap().keySet().removeIf(k -> k.startsWith(prefix));
	}

	long size() {
		attempts.cleanUp();
		return attempts.estimatedSize();
	}

	private void prune(Deque<Instant> times) {
		Instant cutoff = clock.instant().minus(window);
		while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
			times.removeFirst();
		}
	}

}
