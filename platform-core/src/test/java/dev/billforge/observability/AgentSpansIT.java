package dev.billforge.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.BillforgeIntegrationTest;

/**
 * The real OpenTelemetry Java agent (the version the images attach, copied into
 * target/otel by the build) on a tenant application in a child JVM, exporting OTLP/HTTP
 * to the platform's own telemetry receiver (this test's application): HTTP server,
 * MongoDB and ledger spans arrive under the tenant's service name, the ledger span with
 * the org as {@code billforge.org_id}.
 */
@BillforgeIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "billforge.telemetry.enabled=true", "billforge.billing.jobs.enabled=false" })
class AgentSpansIT {

	static final String SERVICE = "docrouter-agent-check";

	@LocalServerPort
	int receiverPort;

	@Autowired
	Orgs orgs;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theAgentsHttpMongoAndLedgerSpansArriveWithTheTenantsServiceName() throws Exception {
		Path agent = Path.of(System.getProperty("otel.javaagent.jar", "target/otel/opentelemetry-javaagent.jar"));
		assertThat(agent).as("the build copies the agent (pre-integration-test)").isRegularFile();
		Org receiving = orgs.create("Receiver " + System.nanoTime(), ZoneId.of("UTC"));
		String receiverKey = orgs.createApiKey(receiving.id(), "otlp").key();

		Path output = Files.createTempFile("agent-child", ".log");
		Process child = startChild(agent, receiverKey, output);
		try {
			String[] ready = awaitReady(child, output);
			String tenantOrg = ready[2];
			HttpResponse<String> usage = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ready[1] + "/api/v1/usage"))
					.header("Authorization", "Bearer " + ready[3])
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"events\":[{\"idempotencyKey\":\"agent-1\",\"meter\":\"page\",\"quantity\":2}]}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);

			Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				List<Document> spans = mongo.getCollection("telemetry_spans")
					.find(Filters.eq("org", receiving.id().value()))
					.into(new ArrayList<>());
				assertThat(spans).extracting(span -> span.getString("service")).containsOnly(SERVICE);
				assertThat(spans).extracting(span -> span.getString("name"))
					.contains("POST /api/v1/usage", "ledger.usage");
				assertThat(spans).as("MongoDB client spans")
					.anySatisfy(span -> assertThat(attribute(span, "db.system")).contains("mongodb"));
				Document ledgerSpan = spans.stream()
					.filter(span -> "ledger.usage".equals(span.getString("name")))
					.findFirst()
					.orElseThrow();
				assertThat(attribute(ledgerSpan, "billforge.org_id")).contains(tenantOrg);
			});
		}
		finally {
			child.getOutputStream().close();
			if (!child.waitFor(15, TimeUnit.SECONDS)) {
				child.destroyForcibly();
			}
		}
	}

	/**
	 * A span attribute's stored value as text ("" when absent); {@code db.system} also
	 * matches {@code db.system.name}.
	 */
	private static String attribute(Document span, String key) {
		return span.getList("attributes", Document.class)
			.stream()
			.filter(attribute -> attribute.getString("k").equals(key) || attribute.getString("k").equals(key + ".name"))
			.map(attribute -> String.valueOf(attribute.get("v")))
			.findFirst()
			.orElse("");
	}

	private Process startChild(Path agent, String receiverKey, Path output) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"-javaagent:" + agent.toAbsolutePath(), "-XX:TieredStopAtLevel=1", "-cp",
						System.getProperty("java.class.path"), AgentChild.class.getName(),
						"--billforge.value-metric.free-tier=100", "--billforge.value-metric.meters.page.rate=1",
						"--billforge.billing.jobs.enabled=false"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		Map<String, String> env = builder.environment();
		env.put("OTEL_SERVICE_NAME", SERVICE);
		env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + receiverPort);
		env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
		env.put("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer " + receiverKey);
		env.put("OTEL_METRICS_EXPORTER", "none");
		env.put("OTEL_LOGS_EXPORTER", "none");
		env.put("OTEL_BSP_SCHEDULE_DELAY", "200");
		env.remove("JAVA_TOOL_OPTIONS");
		return builder.start();
	}

	/**
	 * Waits for the child's READY line in its output file (up to 180 s; most of it is JIT
	 * and the agent on a busy machine).
	 */
	private static String[] awaitReady(Process child, Path output) throws Exception {
		long started = System.nanoTime();
		long deadline = started + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
				if (line.startsWith("READY ")) {
					System.out.printf("Agent-attached child ready after %d s%n",
							TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
					return line.split(" ");
				}
			}
			if (!child.isAlive()) {
				break;
			}
			Thread.sleep(250);
		}
		List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
		throw new AssertionError(
				"the agent-attached child was not ready (alive: " + child.isAlive() + "); its output ends:\n"
						+ String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
	}

}
