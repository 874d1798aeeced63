package dev.billforge.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per key: {@code perSecond} sustained, bursts up to twice that. */
final class RateLimiter {

	private final double perNano;

	private final double capacity;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(int perSecond) {
		this.perNano = perSecond / 1e9;
		this.capacity = perSecond * 2.0;
	}

	boolean tryAcquire(String key) {
		return buckets.computeIfAbsent(key, k -> new Bucket(capacity, System.nanoTime())).take(perNano, capacity);
	}

	private static final class Bucket {

		private double tokens;

		private long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

		synchronized boolean take(double perNano, double capacity) {
			long now = System.nanoTime();
			tokens = Math.min(capacity, tokens + (now - at) * perNano);
			at = now;
			if (tokens < 1) {
				return false;
			}
			tokens -= 1;
			return true;
		}

	}

}
