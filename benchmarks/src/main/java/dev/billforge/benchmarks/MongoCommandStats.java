package dev.billforge.benchmarks;

import static dev.billforge.benchmarks.Results.f;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.bson.BsonValue;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/**
 * Counts the MongoDB commands the application sends, per command and collection, with the
 * time the driver waited for each: where the time of an API call goes, in numbers that do
 * not depend on how busy the machine is (the counts) and that do (the times).
 */
public final class MongoCommandStats implements CommandListener {

	/** Commands of one kind: how many and how long they took in total. */
	record Stat(long count, long nanos) {

		Stat minus(Stat other) {
			return other == null ? this : new Stat(count - other.count, nanos - other.nanos);
		}

	}

	private static final class Counter {

		final LongAdder count = new LongAdder();

		final LongAdder nanos = new LongAdder();

	}

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	private final Map<Integer, String> started = new ConcurrentHashMap<>();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		String name = event.getCommandName();
		BsonValue target = event.getCommand().get(name);
		String key = target != null && target.isString() ? name + " " + target.asString().getValue() : name;
		started.put(event.getRequestId(), key);
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
		record(event.getRequestId(), event.getCommandName(), event.getElapsedTime(TimeUnit.NANOSECONDS));
	}

	@Override
	public void commandFailed(CommandFailedEvent event) {
		record(event.getRequestId(), event.getCommandName(), event.getElapsedTime(TimeUnit.NANOSECONDS));
	}

	private void record(int requestId, String name, long nanos) {
		String key = started.remove(requestId);
		Counter counter = counters.computeIfAbsent(key == null ? name : key, k -> new Counter());
		counter.count.increment();
		counter.nanos.add(nanos);
	}

	Map<String, Stat> snapshot() {
		Map<String, Stat> out = new TreeMap<>();
		counters.forEach((key, counter) -> out.put(key, new Stat(counter.count.sum(), counter.nanos.sum())));
		return out;
	}

	/**
	 * The commands sent since {@code before}, per {@code ops} operations: e.g. "4.0
	 * commands, 1.9 ms: insert ledger_ops 1.0 (0.8 ms), ...", skipping the driver's own
	 * monitoring commands.
	 */
	String perOp(Map<String, Stat> before, double ops) {
		Map<String, Stat> after = snapshot();
		StringBuilder parts = new StringBuilder();
		double commands = 0;
		double millis = 0;
		for (var entry : after.entrySet()) {
			String key = entry.getKey();
			if (key.startsWith("hello") || key.startsWith("isMaster") || key.startsWith("ismaster")) {
				continue;
			}
			Stat diff = entry.getValue().minus(before.get(key));
			if (diff.count() == 0) {
				continue;
			}
			double count = diff.count() / ops;
			double ms = diff.nanos() / 1e6 / ops;
			commands += count;
			millis += ms;
			parts.append(parts.isEmpty() ? "" : ", ").append(f("%s %.2f (%.2f ms)", key, count, ms));
		}
		return f("%.2f commands, %.2f ms waited: ", commands, millis) + parts;
	}

}
