package dev.billforge.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.billforge.generator.TestWorkspace.Run;
import dev.billforge.generator.internal.AtomicFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates a tenant into a temporary copy of the repository, builds it offline, boots
 * its jar and checks that its tag, brand, meters and free credits are live — the path a
 * founder takes, end to end.
 *
 * <p>
 * The copy holds the repository's sources (no {@code target}, {@code .git} or data
 * folders); it is built with
 * {@code ./mvnw -o -pl tenant-acme-docs -am package -DskipTests}, so platform-core,
 * branding and the Stripe emulator come from the copy's own reactor (never from SNAPSHOTs
 * in {@code ~/.m2}, and nothing is installed there); third-party artifacts come from the
 * local Maven repository, which the surrounding build has already filled. The time from
 * {@code new-tenant} to the first answered API call is printed and written to
 * {@code target/new-tenant-timing.txt}.
 */
class NewTenantIT {

	private static final String OPERATOR = "generator-it-operator-token-0123456789abcdef";

	private static final Set<String> SKIPPED = Set.of(".git", "target", "data", "node_modules", ".idea", ".vscode");

	private Path work;

	private Process tenant;

	@AfterEach
	void cleanUp() throws Exception {
		if (tenant != null && tenant.isAlive()) {
			tenant.destroy();
			if (!tenant.waitFor(30, TimeUnit.SECONDS)) {
				tenant.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		AtomicFiles.deleteRecursively(work);
	}

	@Test
	void aGeneratedTenantBuildsBootsAndBillsInItsOwnUnitsUnderItsOwnBrand() throws Exception {
		work = Files.createTempDirectory("billforge-new-tenant-it-");
		Path repo = work.resolve("repo");
		copyRepository(TestWorkspace.REPOSITORY, repo);
		int port = freePort();

		long started = System.nanoTime();
		Run generated = TestWorkspace.run("new-tenant", "--root", repo.toString(), "--name", "Acme Docs", "--tag",
				"acme_docs", "--credit-name", "Credits", "--meter", "page=1", "--meter", "llm_token=0.001",
				"--free-credits", "100", "--plan", "individual:19:2000", "--plan", "team:99:15000:overage=0.01:seats",
				"--pack", "1000:10", "--primary", "#0F766E", "--port", String.valueOf(port));
		assertThat(generated.exitCode()).as(generated.err()).isZero();
		long generatedAt = System.nanoTime();

		Path buildLog = work.resolve("build.log");
		Process build = new ProcessBuilder("./mvnw", "-B", "-o", "-q", "-pl", "tenant-acme-docs", "-am", "package",
				"-DskipTests")
			.directory(repo.toFile())
			.redirectErrorStream(true)
			.redirectOutput(buildLog.toFile())
			.start();
		boolean built = build.waitFor(20, TimeUnit.MINUTES);
		assertThat(built && build.exitValue() == 0).as("offline build of the generated tenant:%n%s", tail(buildLog))
			.isTrue();
		long builtAt = System.nanoTime();

		Path jar = repo.resolve("tenant-acme-docs/target/tenant-acme-docs-0.1.0-SNAPSHOT.jar");
		Path appLog = work.resolve("tenant.log");
		ProcessBuilder boot = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", jar.toString())
			.directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(appLog.toFile());
		boot.environment().put("BILLFORGE_DATA_DIR", work.resolve("data").toString());
		boot.environment().put("BILLFORGE_OPERATOR_TOKEN", OPERATOR);
		boot.environment()
			.keySet()
			.removeIf(k -> k.startsWith("MONGODB_") || k.startsWith("KEYCLOAK_") || k.startsWith("STRIPE_")
					|| k.equals("BRAND_DIR") || k.equals("PORT"));
		tenant = boot.start();

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		JsonMapper json = JsonMapper.builder().build();
		String base = "http://127.0.0.1:" + port;
		JsonNode org = null;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
		while (org == null) {
			assertThat(tenant.isAlive()).as("tenant exited:%n%s", tail(appLog)).isTrue();
			assertThat(System.nanoTime()).as("tenant did not answer in time:%n%s", tail(appLog)).isLessThan(deadline);
			try {
				HttpResponse<String> created = post(http, base + "/api/v1/operator/orgs", OPERATOR,
						"{\"name\":\"Acme customer\"}");
				assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
				org = json.readTree(created.body());
			}
			catch (IOException notYet) {
				Thread.sleep(500);
			}
		}
		long liveAt = System.nanoTime();

		assertThat(org.get("available").asString()).isEqualTo("100");
		HttpResponse<String> keyResponse = post(http,
				base + "/api/v1/operator/orgs/" + org.get("id").asString() + "/api-keys", OPERATOR, "{}");
		String key = json.readTree(keyResponse.body()).get("key").asString();
		assertThat(key).startsWith("acme_docs_sk_");
		HttpResponse<String> usage = post(http, base + "/api/v1/usage", key, """
				{"events":[{"idempotencyKey":"a","meter":"page","quantity":3},
				           {"idempotencyKey":"b","meter":"llm_token","quantity":1234}]}""");
		assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
		assertThat(json.readTree(usage.body()).get("balance").get("available").asString()).isEqualTo("95.76");
		HttpResponse<String> balance = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/balance"))
			.header("Authorization", "Bearer " + key)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(balance.body()).contains("\"Credits\"");
		assertThat(Files.readString(appLog)).contains("Brand \"Acme Docs\" loaded from");
		// the generated catalog was pushed into the embedded Stripe emulator, the
		// per-seat plan marked as such
		HttpResponse<String> catalog = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/billing/catalog"))
			.header("Authorization", "Bearer " + key)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(catalog.statusCode()).as(catalog.body()).isEqualTo(200);
		JsonNode plans = json.readTree(catalog.body()).get("plans");
		assertThat(plans.size()).as(catalog.body()).isEqualTo(2);
		for (JsonNode plan : plans) {
			assertThat(plan.get("perSeat").asBoolean()).as(plan.toString())
				.isEqualTo(plan.get("tier").asString().equals("team"));
		}

		String timing = String.format(
				"new-tenant %.1f s, offline build %.1f s, boot to first API answer %.1f s, total %.1f s%n",
				seconds(generatedAt - started), seconds(builtAt - generatedAt), seconds(liveAt - builtAt),
				seconds(liveAt - started));
		System.out.print("[NewTenantIT] " + timing);
		Files.writeString(Path.of("target", "new-tenant-timing.txt"), timing);
	}

	private static HttpResponse<String> post(HttpClient http, String url, String token, String body)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void copyRepository(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path p : walk.filter(p -> !skipped(from.relativize(p))).toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	private static boolean skipped(Path relative) {
		for (Path part : relative) {
			if (SKIPPED.contains(part.toString())) {
				return true;
			}
		}
		return false;
	}

	private static String javaBinary() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) throws IOException {
		if (!Files.exists(log)) {
			return "(no output)";
		}
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
