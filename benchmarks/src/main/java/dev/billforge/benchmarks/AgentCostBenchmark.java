package dev.billforge.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The OpenTelemetry Java agent's cost on ingestion (issue 13): the same app
 * ({@link BenchApp}, embedded store) runs twice as child JVMs, one plain and one with
 * {@code -javaagent:} and the environment the compose file gives a tenant (service name,
 * OTLP/HTTP exporter, metrics and logs exporters off), exporting to an OTLP endpoint in
 * this JVM that accepts and counts. Rounds of {@code POST /api/v1/usage} (batches of
 * 1,000 events, one org per client thread) alternate between the two, so both see the
 * same machine load; events per second and each child's CPU per 1,000 events are
 * reported. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.billforge.benchmarks.AgentCostBenchmark
 * [--quick] [--agent=path]} (default agent:
 * {@code benchmarks/target/otel/opentelemetry-javaagent.jar}, copied by the build).
 * Separate from {@link BenchmarkMain} so the main run's parts stay as they are.
 */
public final class AgentCostBenchmark {

	private static final int BATCH = IngestionBenchmark.BATCH;

	private AgentCostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--child")) {
			List<String> appArgs = new ArrayList<>(BenchApp.SETTINGS);
			appArgs.addAll(List.of(args).subList(1, args.length));
			appArgs.add("--spring.main.banner-mode=off");
			appArgs.add("--logging.level.root=WARN");
			new SpringApplicationBuilder(BenchApp.class).run(appArgs.toArray(String[]::new));
			return;
		}
		boolean quick = List.of(args).contains("--quick");
		Path agent = Path
			.of(List.of(args)
				.stream()
				.filter(a -> a.startsWith("--agent="))
				.map(a -> a.substring(8))
				.findFirst()
				.orElse("benchmarks/target/otel/opentelemetry-javaagent.jar"))
			.toAbsolutePath();
		if (!Files.isRegularFile(agent)) {
			throw new IllegalStateException(
					"no agent at " + agent + " (build the module: ./mvnw -pl benchmarks -am package)");
		}
		int threads = 4;
		int batchesPerRound = quick ? 2 : 5;
		int rounds = quick ? 1 : 4;

		AtomicLong exports = new AtomicLong();
		AtomicLong exportedBytes = new AtomicLong();
		HttpServer otlp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		otlp.createContext("/", exchange -> {
			exportedBytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
			exports.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		otlp.start();
		Path work = Files.createTempDirectory("bf-agent-cost-");
		Child plain = Child.start("plain", work, null, 0);
		Child traced = Child.start("agent", work, agent, otlp.getAddress().getPort());
		try {
			plain.awaitReady();
			traced.awaitReady();
			List<ApiClient.OrgKey> plainOrgs = orgs(plain.api, threads);
			List<ApiClient.OrgKey> tracedOrgs = orgs(traced.api, threads);
			Instant now = Instant.now();
			round(plain.api, plainOrgs, "warm", batchesPerRound, now);
			round(traced.api, tracedOrgs, "warm", batchesPerRound, now);
			long plainWall = 0;
			long tracedWall = 0;
			long plainCpu = 0;
			long tracedCpu = 0;
			for (int r = 0; r < rounds; r++) {
				long cpu = plain.cpuNanos();
				plainWall += round(plain.api, plainOrgs, "r" + r, batchesPerRound, now);
				plainCpu += plain.cpuNanos() - cpu;
				cpu = traced.cpuNanos();
				tracedWall += round(traced.api, tracedOrgs, "r" + r, batchesPerRound, now);
				tracedCpu += traced.cpuNanos() - cpu;
			}
			long events = (long) rounds * threads * batchesPerRound * BATCH;
			double plainRate = events / (plainWall / 1e9);
			double tracedRate = events / (tracedWall / 1e9);
			String report = String.join("\n", String.format(
					"agent cost on ingestion (%,d events per app, %d threads, batches of %,d; load before %.2f, after %.2f)",
					events, threads, BATCH, plain.loadAtStart, Machine.load()),
					String.format("  without agent: %,.0f events/s, app CPU %.0f ms per 1,000 events", plainRate,
							plainCpu / 1e6 / (events / (double) BATCH)),
					String.format(
							"  with agent:    %,.0f events/s, app CPU %.0f ms per 1,000 events (%,d OTLP exports, %,d bytes)",
							tracedRate, tracedCpu / 1e6 / (events / (double) BATCH), exports.get(),
							exportedBytes.get()),
					String.format("  with / without: throughput %.1f %%, CPU per event %.1f %%",
							tracedRate / plainRate * 100, (double) tracedCpu / plainCpu * 100));
			System.out.println(report);
			Files.writeString(Path.of("benchmarks/target/agent-cost.md"), report + "\n", StandardCharsets.UTF_8);
		}
		finally {
			plain.stop();
			traced.stop();
			otlp.stop(0);
			try (Stream<Path> files = Files.walk(work)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static List<ApiClient.OrgKey> orgs(ApiClient api, int threads) {
		List<ApiClient.OrgKey> orgs = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			orgs.add(api.createOrg("agent-cost-" + t));
		}
		return orgs;
	}

	/**
	 * Wall nanos of one round: every thread posts its batches (payloads built before the
	 * clock starts).
	 */
	private static long round(ApiClient api, List<ApiClient.OrgKey> orgs, String round, int batches, Instant now) {
		List<List<String>> payloads = new ArrayList<>();
		for (int t = 0; t < orgs.size(); t++) {
			List<String> mine = new ArrayList<>();
			for (int b = 0; b < batches; b++) {
				mine.add(Events.json(Events.batch("agent-" + round + "-" + t + "-", (long) b * BATCH, BATCH, now)));
			}
			payloads.add(mine);
		}
		return Parallel.run(orgs.size(), t -> {
			for (String payload : payloads.get(t)) {
				HttpResponse<String> response = api.send("POST", "/api/v1/usage", orgs.get(t).key(), payload);
				if (response.statusCode() != 200
						|| IngestionBenchmark.count(response.body(), "\"status\":\"recorded\"") != BATCH) {
					throw new IllegalStateException("usage batch: " + response.statusCode() + " " + response.body());
				}
			}
		});
	}

	/** One app JVM. */
	private record Child(Process process, ApiClient api, double loadAtStart, Path log) {

		static Child start(String name, Path work, Path agent, int otlpPort) {
			int port = BenchApp.freePort();
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
			if (agent != null) {
				command.add("-javaagent:" + agent);
			}
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentCostBenchmark.class.getName(),
					"--child", "--server.port=" + port));
			Path log = work.resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			Map<String, String> env = builder.environment();
			env.put("BILLFORGE_DATA_DIR", work.resolve(name).toString());
			if (agent != null) {
				// as docker-compose.yml sets them for a tenant
				env.put("OTEL_SERVICE_NAME", "bench-" + name);
				env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + otlpPort);
				env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
				env.put("OTEL_METRICS_EXPORTER", "none");
				env.put("OTEL_LOGS_EXPORTER", "none");
			}
			try {
				return new Child(builder.start(), new ApiClient(port), Machine.load(), log);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void awaitReady() throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					String output;
					try {
						output = Files.readString(log, StandardCharsets.UTF_8);
					}
					catch (IOException ex) {
						output = ex.toString();
					}
					throw new IllegalStateException("app exited with " + process.exitValue() + ":\n"
							+ output.substring(Math.max(0, output.length() - 4000)));
				}
				try {
					if (api.send("GET", "/actuator/health/readiness", "none", null).statusCode() == 200) {
						return;
					}
				}
				catch (IllegalStateException notYet) {
					// not listening yet
				}
				Thread.sleep(250);
			}
			throw new IllegalStateException("app not ready within 10 minutes");
		}

		long cpuNanos() {
			return process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
		}

		void stop() throws InterruptedException {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}

	}

}
