package dev.billforge.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key in a sliding window (in memory, per instance: an attacker spreading
 * attempts over N instances gets N times the budget, still far too few for guessing).
 */
final class Throttle {

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

	Throttle(int limit, Duration window, Clock clock) {
		this.limit = limit;
		this.window = window;
		this.clock = clock;
	}

	boolean blocked(String key) {
		Deque<Instant> times = attempts.get(key);
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
		Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
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
		attempts.remove(key);
	}

	private void prune(Deque<Instant> times) {
		Instant cutoff = clock.instant().minus(window);
		while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
			times.removeFirst();
		}
	}

}
