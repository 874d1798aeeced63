package dev.billforge.benchmarks.jmh;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import dev.billforge.ledger.CheckResult;
import dev.billforge.ledger.Reservation;
import dev.billforge.valuemetric.Credits;

/**
 * In-process measurements of {@link dev.billforge.ledger.CreditLedger} (targets 2 and 3).
 * Iteration counts and times are set by {@link dev.billforge.benchmarks.BenchmarkMain}.
 */
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g" })
public class LedgerBenchmarks {

	static final Credits FIVE = Credits.of(5);

	static final Credits THREE = Credits.of(3);

	static final Duration TTL = Duration.ofMinutes(10);

	/** Target 2: one caller asking whether a 5-credit job may start. */
	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public CheckResult check(BootedLedger booted) {
		CheckResult result = booted.ledger.check(booted.org, FIVE);
		if (!result.allowed()) {
			throw new IllegalStateException("check denied: " + result);
		}
		return result;
	}

	/** Each benchmark thread's own reservation keys. */
	@State(Scope.Thread)
	public static class Keys {

		final String prefix = "jmh-" + UUID.randomUUID() + "-";

		long next;

	}

	/**
	 * Target 3: 16 threads each holding 5 credits and committing 3, all on ONE org; one
	 * op = one pair.
	 */
	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Threads(16)
	public Reservation reserveCommit(BootedLedger booted, Keys keys) {
		Reservation hold = booted.ledger.reserve(booted.org, keys.prefix + keys.next++, FIVE, null, TTL);
		return booted.ledger.commit(booted.org, hold.id(), THREE);
	}

}
