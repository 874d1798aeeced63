package dev.billforge.identity.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * One real Keycloak per test JVM, shared by all Keycloak ITs.
 *
 * <p>
 * With env KEYCLOAK_TEST_URL (plus KEYCLOAK_TEST_ADMIN_USERNAME/PASSWORD, default
 * admin/admin, and optionally KEYCLOAK_TEST_THEMES_DIR) an already running Keycloak is
 * used. Otherwise the distribution that failsafe's pre-integration-test phase unpacked
 * (system property keycloak.dist.dir) is started with the test JVM's Java as
 * {@code kc.sh start-dev} on free loopback ports, and stopped when the JVM exits. Its H2
 * data lives in the unpacked distribution under target/, so later runs restart in seconds
 * instead of re-initialising.
 */
public final class KeycloakTestServer {

	/**
	 * First start includes Quarkus' build step and the database schema (~50-120 s on 2
	 * busy cores); override with -Dkeycloak.startup.timeout.seconds.
	 */
	private static final Duration STARTUP_TIMEOUT = Duration
		.ofSeconds(Long.getLong("keycloak.startup.timeout.seconds", 480));

	private static KeycloakTestServer shared;

	private static RuntimeException startFailure;

	private final String url;

	private final String adminUsername;

	private final String adminPassword;

	private final Path themesDir;

	private KeycloakTestServer(String url, String adminUsername, String adminPassword, Path themesDir) {
		this.url = url;
		this.adminUsername = adminUsername;
		this.adminPassword = adminPassword;
		this.themesDir = themesDir;
	}

	/** The shared server, started on first use. */
	public static synchronized KeycloakTestServer shared() {
		// A failed start is not retried: a second Keycloak on the same data would only
		// fail on its lock.
		if (startFailure != null) {
			throw new IllegalStateException(
					"Keycloak did not start earlier in this test run: " + startFailure.getMessage(), startFailure);
		}
		if (shared == null) {
			try {
				shared = start();
			}
			catch (RuntimeException e) {
				startFailure = e;
				throw e;
			}
		}
		return shared;
	}

	public String url() {
		return url;
	}

	public String adminUsername() {
		return adminUsername;
	}

	public String adminPassword() {
		return adminPassword;
	}

	/** Keycloak's themes directory, or null when an external server's is unknown. */
	public Path themesDir() {
		return themesDir;
	}

	public Keycloak admin() {
		return KeycloakBuilder.builder()
			.serverUrl(url)
			.realm("master")
			.clientId("admin-cli")
			.grantType(OAuth2Constants.PASSWORD)
			.username(adminUsername)
			.password(adminPassword)
			.build();
	}

	private static KeycloakTestServer start() {
		String external = System.getenv("KEYCLOAK_TEST_URL");
		if (external != null && !external.isBlank()) {
			String themes = System.getenv("KEYCLOAK_TEST_THEMES_DIR");
			KeycloakTestServer server = new KeycloakTestServer(stripSlash(external.trim()),
					envOr("KEYCLOAK_TEST_ADMIN_USERNAME", "admin"), envOr("KEYCLOAK_TEST_ADMIN_PASSWORD", "admin"),
					themes == null || themes.isBlank() ? null : Path.of(themes));
			awaitReady(server.url, null, null, Duration.ofSeconds(30));
			return server;
		}
		String dist = System.getProperty("keycloak.dist.dir");
		if (dist == null || !Files.isExecutable(Path.of(dist, "bin", "kc.sh"))) {
			throw new IllegalStateException("No Keycloak to test against: run the ITs through Maven "
					+ "('./mvnw -pl platform-core verify' unpacks org.keycloak:keycloak-quarkus-dist into target/keycloak), "
					+ "or set KEYCLOAK_TEST_URL to a running Keycloak. keycloak.dist.dir=" + dist);
		}
		return startLocal(Path.of(dist));
	}

	private static KeycloakTestServer startLocal(Path dist) {
		Path log = dist.resolveSibling("keycloak-it.log");
		Path pidFile = dist.resolveSibling("keycloak-it.pid");
		stopLeftover(pidFile);
		int port = freePort();
		int managementPort = freePort();
		String adminUser = "admin";
		String adminPassword = "admin-it-password";
		ProcessBuilder builder = new ProcessBuilder(dist.resolve("bin/kc.sh").toString(), "start-dev", "--http-port",
				String.valueOf(port), "--http-host", "127.0.0.1", "--http-management-port",
				String.valueOf(managementPort))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("JAVA_HOME", System.getProperty("java.home"));
		env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
		env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
		long started = System.nanoTime();
		Process process;
		try {
			process = builder.start();
			Files.writeString(pidFile, String.valueOf(process.pid()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start Keycloak from " + dist, e);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, pidFile), "keycloak-it-stop"));
		String url = "http://127.0.0.1:" + port;
		try {
			awaitReady(url, process, log, STARTUP_TIMEOUT);
		}
		catch (RuntimeException e) {
			stop(process, pidFile);
			// A start interrupted while Keycloak created its database would break every
			// later run.
			deleteRecursively(dist.resolve("data"));
			throw e;
		}
		System.out.printf("Keycloak IT server ready at %s after %d ms (log: %s)%n", url,
				Duration.ofNanos(System.nanoTime() - started).toMillis(), log);
		return new KeycloakTestServer(url, adminUser, adminPassword, dist.resolve("themes"));
	}

	/**
	 * Polls the master realm's OIDC discovery until it answers 200, the process dies, or
	 * the timeout passes.
	 */
	private static void awaitReady(String url, Process process, Path log, Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(url + "/realms/master/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = "no answer yet";
		while (System.nanoTime() < deadline) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(
						"Keycloak exited with code " + process.exitValue() + " before it was ready." + tail(log));
			}
			try {
				HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
				last = "HTTP " + response.statusCode();
			}
			catch (IOException e) {
				last = e.toString();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
			}
			sleep(500);
		}
		throw new IllegalStateException("Keycloak at " + url + " was not ready within " + timeout.toSeconds()
				+ " s (last: " + last + ")." + tail(log));
	}

	private static String tail(Path log) {
		if (log == null || !Files.exists(log)) {
			return "";
		}
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return "\nLast lines of " + log + ":\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return " (cannot read " + log + ": " + e.getMessage() + ")";
		}
	}

	private static void stop(Process process, Path pidFile) {
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		process.destroy(); // SIGTERM; kc.sh forwards it to Keycloak's JVM
		try {
			if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		try {
			Files.deleteIfExists(pidFile);
		}
		catch (IOException ignored) {
			// best effort; a stale pid file is checked before the next start
		}
	}

	/** A Keycloak left running by a killed test JVM would hold the H2 database lock. */
	private static void stopLeftover(Path pidFile) {
		if (!Files.exists(pidFile)) {
			return;
		}
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			ProcessHandle.of(pid).filter(p -> p.info().commandLine().orElse("").contains("kc.sh")).ifPresent(p -> {
				p.descendants().forEach(ProcessHandle::destroyForcibly);
				p.destroyForcibly();
			});
			Files.deleteIfExists(pidFile);
		}
		catch (IOException | NumberFormatException ignored) {
			// nothing to stop
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			System.err.println("Could not delete " + dir + ": " + e.getMessage());
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
