package dev.billforge.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A DocRouter-like product: credit SPU, meters {@code page} (1 SPU) and {@code llm_token}
 * (0.001 SPU), every platform-core auto-configuration, nothing else. The free tier is
 * large (10^9 SPU) so that the benchmarks measure the funded path, not debt.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchApp {

	public static final String OPERATOR_TOKEN = "bench-operator-token-0123456789abcdef";

	/**
	 * Settings the harness changes from the defaults, listed in the results so nothing is
	 * hidden.
	 */
	public static final List<String> SETTINGS = List.of("--billforge.product.tag=doc_router",
			"--billforge.value-metric.credit-name=SPU", "--billforge.value-metric.free-tier=1000000000",
			"--billforge.value-metric.meters.page.rate=1", "--billforge.value-metric.meters.llm_token.rate=0.001",
			"--billforge.api.operator-token=" + OPERATOR_TOKEN,
			// The default (1,000 requests/s per key) would throttle the load driver, not
			// measure the server.
			"--billforge.api.requests-per-second=1000000",
			// The webhook benchmark signs its deliveries with this secret; its catalog
			// has one plan and one pack.
			"--billforge.billing.webhook-secrets=" + WebhookBenchmark.SECRET,
			"--billforge.billing.catalog.location=classpath:bench-catalog.yml", "--server.address=127.0.0.1");

	/**
	 * SigAgent-like settings for the telemetry part: credit TC, span 0.01 and trace 0.1
	 * TC, telemetry on, free tier 10^9 TC; operator token, rate limit and address as
	 * above.
	 */
	public static final List<String> TELEMETRY_SETTINGS = List.of("--billforge.product.tag=sig_agent",
			"--billforge.value-metric.credit-name=TC", "--billforge.value-metric.scale=3",
			"--billforge.value-metric.free-tier=1000000000", "--billforge.value-metric.meters.span.rate=0.01",
			"--billforge.value-metric.meters.trace.rate=0.1", "--billforge.telemetry.enabled=true",
			"--billforge.api.operator-token=" + OPERATOR_TOKEN, "--billforge.api.requests-per-second=1000000",
			"--billforge.billing.catalog.location=classpath:bench-catalog.yml", "--server.address=127.0.0.1");

	/** The telemetry part's app ({@link #TELEMETRY_SETTINGS}) on {@code storage}. */
	public static ConfigurableApplicationContext startTelemetry(BenchStorage storage, int emulatorPort) {
		List<String> args = new ArrayList<>(TELEMETRY_SETTINGS);
		args.add("--billforge.billing.emulator.port=" + emulatorPort);
		args.add("--spring.main.banner-mode=off");
		args.add("--logging.level.root=WARN");
		args.add("--logging.level.dev.billforge=WARN");
		return storage.run(BenchApp.class, args);
	}

	/**
	 * Starts the app on {@code storage}; its web server listens on a random loopback
	 * port. (Always a web application: platform-core's API security configuration needs
	 * one to start at all.)
	 */
	public static ConfigurableApplicationContext start(BenchStorage storage) {
		return start(storage, 0);
	}

	/**
	 * As {@link #start(BenchStorage)}, with the in-process Stripe emulator on
	 * {@code emulatorPort} (0: any).
	 */
	public static ConfigurableApplicationContext start(BenchStorage storage, int emulatorPort) {
		List<String> args = new ArrayList<>(SETTINGS);
		args.add("--billforge.billing.emulator.port=" + emulatorPort);
		args.add("--spring.main.banner-mode=off");
		args.add("--logging.level.root=WARN");
		args.add("--logging.level.dev.billforge=WARN");
		return storage.run(BenchApp.class, args);
	}

	@Bean
	MongoCommandStats mongoCommandStats() {
		return new MongoCommandStats();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer countMongoCommands(MongoCommandStats stats) {
		return settings -> settings.addCommandListener(stats);
	}

	/**
	 * A free loopback port for the in-process Stripe emulator, so the harness can call
	 * its test helpers.
	 */
	public static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	public static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
