package dev.billforge.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A token bucket per API key: {@code perSecond} sustained, bursts up to twice that.
 * Buckets are keyed by the SHA-256 of the key (never the secret itself), bounded in
 * number, and dropped once idle long enough to have refilled, which is when a fresh
 * bucket is the same.
 */
final class RateLimiter {

	static final int MAX_KEYS = 100_000;

	private final double perNano;

	private final double capacity;

	private final Cache<String, Bucket> buckets;

	RateLimiter(int perSecond) {
		this(perSecond, MAX_KEYS);
	}

	RateLimiter(int perSecond, int maxKeys) {
		this.perNano = perSecond / 1e9;
		this.capacity = perSecond * 2.0;
		// A bucket left alone this long is full again: forgetting it changes nothing.
		Duration refill = Duration.ofNanos((long) Math.ceil(capacity / perNano)).plusSeconds(1);
		this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(refill).build();
	}

	boolean tryAcquire(String apiKey) {
		return buckets.get(hash(apiKey), k -> new Bucket(capacity, System.nanoTime())).take(perNano, capacity);
	}

	/** Buckets held now (for tests of the bound). */
	long size() {
		buckets.cleanUp();
		return buckets.estimatedSize();
	}

	private static String hash(String apiKey) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
