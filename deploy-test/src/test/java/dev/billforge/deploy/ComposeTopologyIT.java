package dev.billforge.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import dev.billforge.identity.keycloak.BrowserSession;
import dev.billforge.stripe.emulator.StripeEmulatorMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile of docker-compose.yml, brought up without Docker: every tenant jar
 * runs with exactly the environment the compose file gives its container (interpolated
 * from deploy/demo.env; service names mapped to 127.0.0.1 and ports to free ones by
 * {@link LocalTopology}), next to Keycloak from its distribution zip run with the compose
 * service's command and environment, each tenant's Stripe emulator run with its service's
 * command, a MongoDB wire-protocol server answering as the replica set the URIs name, and
 * an OTLP endpoint in place of the collector. The one-shot provisioning services run
 * first and must exit 0, as {@code service_completed_successfully} requires; readiness is
 * what the compose health checks ask. Then a person signs in through Keycloak, creates an
 * org and an API key, records usage and pays a Checkout on the emulator's hosted page,
 * and the webhook grants the credits. Replaced, and said so in docs/deploy.md: PostgreSQL
 * (Keycloak's dev-file database), Mailpit, Jaeger.
 */
class ComposeTopologyIT {

	private static final Duration KEYCLOAK_START = Duration
		.ofSeconds(Long.getLong("keycloak.startup.timeout.seconds", 480));

	/**
	 * An app start is ~15 s on a quiet machine and minutes on a shared, overloaded one;
	 * override with -Dapp.startup.timeout.seconds.
	 */
	private static final Duration APP_START = Duration.ofSeconds(Long.getLong("app.startup.timeout.seconds", 600));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Deque<AutoCloseable> running = new ArrayDeque<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void stopEverything() throws Exception {
		while (!running.isEmpty()) {
			running.pop().close();
		}
	}

	@Test
	void theDemoTenantsSignInRecordUsageAndPayACheckoutWithTheComposeEnvironment() throws Exception {
		ComposeFile compose = ComposeFile.load();
		Map<String, String> demo = ComposeFile.envFile("deploy/demo.env");
		Path work = Files.createDirectories(Path.of("target", "compose-topology")).toAbsolutePath();
		deleteRecursively(work);
		LocalTopology topology = new LocalTopology(compose, demo, work,
				Path.of(System.getProperty("otel.javaagent.jar")));

		ReplicaSetMongo mongo = new ReplicaSetMongo(replicaSetName(compose));
		running.push(mongo);
		topology.assign("mongodb", 27017, mongo.port());

		Set<String> otlpServices = otlpEndpoint(topology.port("otel-collector", 4318));
		startKeycloak(compose, topology, work);

		List<String> tenants = compose.tenants()
			.stream()
			.filter(t -> System.getProperty("compose.tenants", "").isBlank()
					|| Arrays.asList(System.getProperty("compose.tenants").split(",")).contains(t))
			.toList();
		assertThat(tenants).isNotEmpty();
		for (String tenant : tenants) {
			long started = System.nanoTime();
			String emulator = dependency(compose, tenant, "stripe-emulator-");
			running.push(LocalProcess.start(emulator, emulatorCommand(topology, emulator), Map.of(), work)
				.awaitListening(topology.port(emulator, 12111), Duration.ofSeconds(60)));

			String provisioning = dependency(compose, tenant, "provision-");
			Map<String, String> provisioningEnv = topology.environment(provisioning);
			try (LocalProcess run = LocalProcess.start(provisioning, javaJar(compose, provisioning), provisioningEnv,
					work)) {
				assertThat(run.awaitExit(APP_START)).as("%s exits 0%s", provisioning, run.tail()).isZero();
			}

			Map<String, String> env = topology.environment(tenant);
			LocalProcess app = LocalProcess.start(tenant, javaJar(compose, tenant), env, work);
			running.push(app);
			app.awaitHealthy(topology.healthUrl(tenant), "\"UP\"", APP_START);
			System.out.printf("%s ready %d s after its emulator and provisioning started%n", tenant,
					Duration.ofNanos(System.nanoTime() - started).toSeconds());

			signInRecordUsageAndPay(tenant, env, provisioningEnv, app);
			awaitExport(otlpServices, env.get("OTEL_SERVICE_NAME"), app);
		}
	}

	private void signInRecordUsageAndPay(String tenant, Map<String, String> env, Map<String, String> provisioningEnv,
			LocalProcess app) throws Exception {
		String base = env.get("PUBLIC_BASE_URL");
		BrowserSession browser = new BrowserSession();
		HttpResponse<String> landed = browser.signIn(base + "/", provisioningEnv.get("KEYCLOAK_OPERATOR_EMAIL"),
				provisioningEnv.get("KEYCLOAK_OPERATOR_PASSWORD"));
		assertThat(landed.uri().toString())
			.as("signed in through %s and back on %s%s", env.get("KEYCLOAK_URL"), base, app.tail())
			.startsWith(base);
		assertThat(landed.statusCode()).isEqualTo(200);

		HttpResponse<String> onboarding = browser.get(base + "/onboarding");
		HttpResponse<String> created = browser.post(base + "/onboarding", Map.of("name", "Compose " + tenant,
				"timeZone", "UTC", "_csrf", BrowserSession.csrfToken(onboarding.body())));
		assertThat(created.statusCode()).as(BrowserSession.abbreviate(created.body())).isEqualTo(200);

		HttpResponse<String> keys = browser.get(base + "/api-keys");
		HttpResponse<String> issued = browser.post(base + "/api-keys",
				Map.of("name", "compose", "_csrf", BrowserSession.csrfToken(keys.body())));
		String key = HtmlUtils.htmlUnescape(find(issued.body(), "id=\"new-key\"[^>]*value=\"([^\"]+)\""));

		JsonNode usage = api(base, key, "POST", "/api/v1/usage",
				"{\"events\":[{\"idempotencyKey\":\"compose-1\",\"meter\":\"" + firstMeter(tenant)
						+ "\",\"quantity\":1}]}");
		assertThat(usage.at("/results/0/status").asString()).as(usage.toString()).isEqualTo("recorded");

		HttpResponse<String> billing = browser.get(base + "/billing");
		String lookupKey = find(billing.body(), "name=\"lookupKey\" value=\"([^\"]+)\"");
		HttpResponse<String> handover = browser.post(base + "/billing/checkout",
				Map.of("lookupKey", lookupKey, "_csrf", BrowserSession.csrfToken(billing.body())));
		String checkoutUrl = HtmlUtils
			.htmlUnescape(find(handover.body(), "id=\"handover-link\"[^>]*href=\"([^\"]+)\""));
		assertThat(checkoutUrl).as("the emulator's hosted page on its published port")
			.startsWith(topologyPublicUrl(env) + "/checkout/");

		HttpResponse<String> checkout = browser.get(checkoutUrl);
		String pay = HtmlUtils.htmlUnescape(find(checkout.body(), "<form method=\"post\" action=\"([^\"]+/pay)\""));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("method", "card_success");
		if (checkout.body().contains("name=\"email\"")) {
			form.put("email", provisioningEnv.get("KEYCLOAK_OPERATOR_EMAIL"));
		}
		if (checkout.body().contains("name=\"country\"")) {
			form.put("country", "DE");
		}
		URI checkoutUri = URI.create(checkoutUrl);
		HttpResponse<String> paid = browser.post(checkoutUri.resolve(pay).toString(), form);
		assertThat(paid.uri().toString())
			.as("back on the tenant after paying: %s", BrowserSession.abbreviate(paid.body()))
			.startsWith(base + "/")
			.contains("billing=checkout_complete");

		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		JsonNode balance = api(base, key, "GET", "/api/v1/balance", null);
		while (!hasPaidGrant(balance) && System.nanoTime() < deadline) {
			Thread.sleep(500);
			balance = api(base, key, "GET", "/api/v1/balance", null);
		}
		assertThat(hasPaidGrant(balance))
			.as("the emulator's webhook reached %s and granted what was paid: %s%s",
					env.get("BILLFORGE_BILLING_EMULATOR_WEBHOOK_URL"), balance, app.tail())
			.isTrue();
		// credits are decimal strings in the API
		assertThat(new BigDecimal(balance.get("used").asString())).as("the usage recorded").isPositive();
	}

	private static boolean hasPaidGrant(JsonNode balance) {
		for (JsonNode grant : balance.path("grants")) {
			if (Set.of("pack", "plan_allowance").contains(grant.path("source").asString())) {
				return true;
			}
		}
		return false;
	}

	/** The emulator's {@code --public-url}, as the topology maps it. */
	private static String topologyPublicUrl(Map<String, String> env) {
		return env.get("BILLFORGE_BILLING_EMULATOR_URL").replace("127.0.0.1", "localhost");
	}

	private void startKeycloak(ComposeFile compose, LocalTopology topology, Path work) throws IOException {
		Path dist = Path.of(System.getProperty("keycloak.dist.dir"));
		String image = String.valueOf(compose.services().get("keycloak").get("image"));
		assertThat(image).as("the Keycloak the compose file runs is the one tested here")
			.endsWith(":" + dist.getFileName().toString().substring("keycloak-".length()));
		// The bootstrap admin from the env file is only created in an empty database:
		// start from an empty one unless
		// the kept one (target/, a re-run) was made with the same admin.
		Path made = dist.resolve("data").resolve("compose-topology-admin");
		String admin = topology.environment("keycloak").get("KC_BOOTSTRAP_ADMIN_USERNAME") + ":"
				+ topology.environment("keycloak").get("KC_BOOTSTRAP_ADMIN_PASSWORD").hashCode();
		if (!Files.exists(made) || !Files.readString(made).equals(admin)) {
			deleteRecursively(dist.resolve("data"));
			Files.createDirectories(made.getParent());
			Files.writeString(made, admin);
		}
		for (String mount : topology.mounts("keycloak")) {
			String[] parts = mount.split(":");
			if (parts[1].startsWith("/opt/keycloak/")) {
				topology.volumeAt(parts[0], dist.resolve(parts[1].substring("/opt/keycloak/".length())));
			}
		}
		List<String> command = new ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString()));
		for (String arg : topology.command("keycloak")) {
			// keycloak-db (PostgreSQL) is not run here: dev mode keeps Keycloak's data in
			// its own H2 file
			command.add("start".equals(arg) ? "start-dev" : arg);
		}
		command.add("--http-host=127.0.0.1");
		command.add("--http-management-port=" + topology.port("keycloak", 9000));
		Map<String, String> env = new LinkedHashMap<>(topology.environment("keycloak"));
		env.keySet().removeIf(name -> name.startsWith("KC_DB"));
		env.put("JAVA_HOME", System.getProperty("java.home"));
		LocalProcess keycloak = LocalProcess.start("keycloak", command, env, work);
		running.push(keycloak);
		keycloak.awaitHealthy(topology.healthUrl("keycloak"), "\"UP\"", KEYCLOAK_START);
	}

	private static List<String> emulatorCommand(LocalTopology topology, String emulator) {
		List<String> command = new ArrayList<>(List.of(LocalProcess.java(), "-cp",
				System.getProperty("java.class.path"), StripeEmulatorMain.class.getName()));
		command.addAll(topology.command(emulator));
		return command;
	}

	/**
	 * {@code java -jar} on the module's Boot jar: the image
	 * {@code billforge/<module>:<version>} holds the same code.
	 */
	private static List<String> javaJar(ComposeFile compose, String service) {
		String image = String.valueOf(compose.services().get(service).get("image"));
		String module = image.substring(image.indexOf('/') + 1, image.indexOf(':'));
		String version = image.substring(image.indexOf(':') + 1);
		Path jar = ComposeFile.ROOT.resolve(module)
			.resolve("target")
			.resolve(module + "-" + version + ".jar")
			.toAbsolutePath();
		assertThat(jar).as("built by the reactor before this module").exists();
		return List.of(LocalProcess.java(), "-jar", jar.normalize().toString());
	}

	private static String dependency(ComposeFile compose, String tenant, String prefix) {
		return compose.dependsOn(tenant).keySet().stream().filter(d -> d.startsWith(prefix)).findFirst().orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static String replicaSetName(ComposeFile compose) {
		List<Object> command = (List<Object>) compose.services().get("mongodb").get("command");
		return String.valueOf(command.get(command.indexOf("--replSet") + 1));
	}

	@SuppressWarnings("unchecked")
	private static String firstMeter(String module) throws IOException {
		Map<String, Object> tenant = new Yaml()
			.load(Files.readString(ComposeFile.ROOT.resolve(module).resolve("tenant.yml")));
		List<Map<String, Object>> meters = (List<Map<String, Object>>) ((Map<String, Object>) tenant
			.get("value-metric")).get("meters");
		return String.valueOf(meters.get(0).get("name"));
	}

	/**
	 * Stands in for the collector: accepts OTLP/HTTP and notes which services' exports
	 * arrived.
	 */
	private Set<String> otlpEndpoint(int port) throws IOException {
		Set<String> bodies = ConcurrentHashMap.newKeySet();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			bodies.add(exchange.getRequestURI().getPath() + " " + new String(body, StandardCharsets.ISO_8859_1));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		running.push(() -> server.stop(0));
		return bodies;
	}

	private static void awaitExport(Set<String> exports, String serviceName, LocalProcess app)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (exports.stream().anyMatch(e -> e.startsWith("/v1/traces ") && e.contains(serviceName))) {
				return;
			}
			Thread.sleep(500);
		}
		throw new AssertionError(
				"no OTLP trace export from " + serviceName + " reached the collector's address" + app.tail());
	}

	private JsonNode api(String base, String key, String method, String path, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 201);
		return JSON.readTree(response.body());
	}

	private static String find(String html, String regex) {
		Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
		if (!m.find()) {
			throw new AssertionError("no " + regex + " in:\n" + BrowserSession.abbreviate(html));
		}
		return m.group(1);
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
