package dev.billforge.benchmarks;

import java.util.Arrays;

/**
 * Recorded latencies (nanoseconds) and exact nearest-rank percentiles over all of them.
 */
final class Latencies {

	private long[] nanos;

	private int count;

	Latencies(int expected) {
		this.nanos = new long[Math.max(16, expected)];
	}

	synchronized void add(long value) {
		if (count == nanos.length) {
			nanos = Arrays.copyOf(nanos, count * 2);
		}
		nanos[count++] = value;
	}

	synchronized int count() {
		return count;
	}

	/** The {@code p}-th percentile (0 < p <= 100) in milliseconds. */
	synchronized double percentileMillis(double p) {
		if (count == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(nanos, count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * count);
		return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
	}

	synchronized double maxMillis() {
		long max = 0;
		for (int i = 0; i < count; i++) {
			max = Math.max(max, nanos[i]);
		}
		return max / 1e6;
	}

}
