package dev.billforge.benchmarks;

import static dev.billforge.benchmarks.Results.f;

import java.nio.file.Path;
import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import dev.billforge.benchmarks.jmh.LedgerBenchmarks;

/**
 * Runs the JMH benchmarks of {@link LedgerBenchmarks} (each in its own forked JVM) and
 * reads their results.
 */
final class JmhBenchmarks {

	private final Settings settings;

	private final Path logDirectory;

	JmhBenchmarks(Settings settings, Path logDirectory) {
		this.settings = settings;
		this.logDirectory = logDirectory;
	}

	void check(Results results) {
		Statistics stats = run("check").getPrimaryResult().getStatistics();
		results.info(f("2. check in-process p50 (JMH SampleTime, %,d samples)", stats.getN()),
				f("%.1f µs", stats.getPercentile(50)));
		double p99 = stats.getPercentile(99);
		results.target("2. check in-process p99 (CreditLedger.check)",
				f("%.1f µs (p99.9 %.1f µs)", p99, stats.getPercentile(99.9)), "< 1 ms", p99 < 1000);
	}

	void reserveCommit(Results results) {
		RunResult result = run("reserveCommit");
		double rate = result.getPrimaryResult().getScore();
		double error = result.getPrimaryResult().getScoreError();
		results.target("3. reserve+commit in-process, 1 org, 16 threads (JMH)",
				f("%,.0f pairs/s (± %,.0f)", rate, Double.isNaN(error) ? 0 : error), ">= 1,000/s", rate >= 1000);
	}

	private RunResult run(String method) {
		Options options = new OptionsBuilder().include(LedgerBenchmarks.class.getName() + "." + method + "$")
			.warmupIterations(settings.jmhWarmupIterations())
			.warmupTime(TimeValue.seconds(settings.jmhSeconds()))
			.measurementIterations(settings.jmhIterations())
			.measurementTime(TimeValue.seconds(settings.jmhSeconds()))
			.shouldFailOnError(true)
			.output(logDirectory.resolve("jmh-" + method + ".log").toString())
			.build();
		try {
			System.out.println("    JMH " + method + " (log: " + logDirectory.resolve("jmh-" + method + ".log") + ")");
			Collection<RunResult> results = new Runner(options).run();
			if (results.size() != 1) {
				throw new IllegalStateException("JMH ran " + results.size() + " benchmarks for " + method);
			}
			return results.iterator().next();
		}
		catch (RunnerException ex) {
			throw new IllegalStateException("JMH " + method + " failed; see its log", ex);
		}
	}

}
