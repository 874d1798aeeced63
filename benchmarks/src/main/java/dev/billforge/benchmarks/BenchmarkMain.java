package dev.billforge.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs every benchmark and writes {@code benchmarks/target/results.md}. Options:
 * {@code --quick} (smoke run), {@code --summary-events=N} (events seeded for the
 * summary), {@code --summary-ledger-events=N} (how many of them take the full ledger
 * path), {@code --telemetry-spans=N} (spans stored for the trace latency),
 * {@code --only=ingest,check,holds,summary,webhooks,telemetry,jmh}.
 */
public final class BenchmarkMain {

	private static final List<String> PARTS = List.of("ingest", "check", "holds", "summary", "webhooks", "telemetry",
			"jmh");

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Arrays.asList(args).contains("--quick") ? Settings.quickRun() : Settings.fullRun();
		Set<String> only = new LinkedHashSet<>(PARTS);
		long telemetrySpans = settings.quick() ? 20_000 : 1_000_000;
		for (String arg : args) {
			if (arg.equals("--quick")) {
				continue;
			}
			if (arg.startsWith("--summary-events=")) {
				settings = settings
					.withSummaryEvents(Long.parseLong(arg.substring("--summary-events=".length()).replace("_", "")));
			}
			else if (arg.startsWith("--summary-ledger-events=")) {
				settings = settings.withSummaryLedgerEvents(
						Long.parseLong(arg.substring("--summary-ledger-events=".length()).replace("_", "")));
			}
			else if (arg.startsWith("--telemetry-spans=")) {
				telemetrySpans = Long.parseLong(arg.substring("--telemetry-spans=".length()).replace("_", ""));
			}
			else if (arg.startsWith("--only=")) {
				only = new LinkedHashSet<>(Arrays.asList(arg.substring("--only=".length()).split(",")));
				if (!PARTS.containsAll(only)) {
					throw new IllegalArgumentException("--only takes " + PARTS);
				}
			}
			else {
				System.err.println("unknown option " + arg
						+ "; options: --quick --summary-events=N --summary-ledger-events=N --telemetry-spans=N --only="
						+ String.join(",", PARTS));
				System.exit(2);
			}
		}
		Path target = Path.of(System.getProperty("billforge.bench.dir", "benchmarks/target"));
		Files.createDirectories(target);
		Instant started = Instant.now();
		String machine = Machine.describe();
		System.out
			.println("Billforge benchmarks" + (settings.quick() ? " (--quick: a smoke run, not a measurement)" : ""));
		System.out.print(machine);

		Results results = new Results();
		String storageKind;
		try (BenchStorage storage = BenchStorage.create()) {
			storageKind = storage.isExternal()
					? "real MongoDB from env MONGODB_URI (fresh database " + storage.database() + ")"
					: "embedded mongo-java-server 1.47.0, H2 backend, temporary data directory";
			System.out.println("storage: " + storageKind);
			int emulatorPort = BenchApp.freePort();
			// --only=telemetry runs its own application alone
			boolean docRouterParts = only.stream().anyMatch(part -> !part.equals("telemetry") && !part.equals("jmh"));
			try (ConfigurableApplicationContext context = docRouterParts ? BenchApp.start(storage, emulatorPort)
					: null) {
				ApiClient api = docRouterParts ? new ApiClient(BenchApp.port(context)) : null;
				if (only.contains("ingest")) {
					section("1. ingestion");
					new IngestionBenchmark(api, context, settings).run(results);
				}
				HttpBenchmarks http = docRouterParts
						? new HttpBenchmarks(api, settings, context.getBean(MongoCommandStats.class)) : null;
				if (only.contains("check")) {
					section("2. entitlement check over HTTP");
					http.checkLatency(results);
				}
				if (only.contains("holds")) {
					section("3. reserve+commit over HTTP");
					http.holdsOnOneHotOrg(results);
				}
				if (only.contains("summary")) {
					section("4. usage summary");
					new SummaryBenchmark(api, context, settings).run(results);
				}
				if (only.contains("webhooks")) {
					section("Stripe webhooks (issue 3)");
					new WebhookBenchmark(api, settings, context.getBean(MongoCommandStats.class),
							BenchApp.port(context), emulatorPort)
						.run(results);
				}
			}
			if (only.contains("telemetry")) {
				section("telemetry (issue 11): /v1/traces and trace latency");
				try (ConfigurableApplicationContext telemetry = BenchApp.startTelemetry(storage, BenchApp.freePort())) {
					new TelemetryBenchmark(new ApiClient(BenchApp.port(telemetry)), telemetry, settings).run(results,
							telemetrySpans);
				}
			}
		}
		if (only.contains("jmh")) {
			JmhBenchmarks jmh = new JmhBenchmarks(settings, target);
			section("2. entitlement check in-process (JMH)");
			jmh.check(results);
			section("3. reserve+commit in-process (JMH)");
			jmh.reserveCommit(results);
		}
		Duration took = Duration.between(started, Instant.now());
		System.out.println();
		System.out.print(results.consoleTable());
		String header = "# Billforge benchmark results\n\n" + "- run: " + started + ", took " + took.toSeconds() + " s"
				+ (settings.quick() ? " — **--quick smoke run, not a measurement**" : "") + "\n- command: `java -jar "
				+ "benchmarks/target/benchmarks.jar" + (args.length == 0 ? "" : " " + String.join(" ", args)) + "`\n"
				+ "- storage: " + storageKind + "\n" + "- settings: " + settings + "\n" + "- application properties: `"
				+ String.join(" ", BenchApp.SETTINGS).replace(BenchApp.OPERATOR_TOKEN, "***") + "`\n\n```\n" + machine
				+ "```\n";
		Path file = target.resolve("results.md");
		results.writeMarkdown(file, header);
		System.out.println("\nwritten: " + file + " (" + took.toSeconds() + " s)");
		// Netty/Mongo driver threads of the closed context must not keep the JVM alive.
		System.exit(0);
	}

	private static void section(String name) {
		System.out.println();
		System.out.println("== " + name);
	}

}
