package dev.billforge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the topology as a child process, its output in a log file; stopped like
 * a container (SIGTERM).
 */
final class LocalProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private LocalProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts {@code command} with exactly {@code environment} (nothing inherited but
	 * PATH).
	 */
	static LocalProcess start(String name, List<String> command, Map<String, String> environment, Path work) {
		try {
			Path log = Files.createDirectories(work.resolve("logs")).resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			String path = builder.environment().get("PATH");
			builder.environment().clear();
			builder.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
			builder.environment().putAll(environment);
			return new LocalProcess(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name, ex);
		}
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Waits until {@code url} answers 200 with {@code expected} in its body, as the
	 * compose health checks do.
	 */
	LocalProcess awaitHealthy(String url, String expected, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			assertAlive();
			try {
				HttpResponse<String> response = HTTP.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains(expected)) {
					return this;
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep();
		}
		throw new AssertionError(
				name + " not healthy at " + url + " within " + timeout + " (last: " + last + ")" + tail());
	}

	/**
	 * Waits until something accepts connections on the port (the emulator's compose
	 * health check).
	 */
	LocalProcess awaitListening(int port, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			assertAlive();
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
				return this;
			}
			catch (IOException ex) {
				sleep();
			}
		}
		throw new AssertionError(name + " not listening on " + port + " within " + timeout + tail());
	}

	/** For one-shot services ({@code service_completed_successfully}): the exit code. */
	int awaitExit(Duration timeout) throws InterruptedException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError(name + " still running after " + timeout + tail());
		}
		return process.exitValue();
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return "\n--- last lines of " + log + ":\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return " (no log: " + ex.getMessage() + ")";
		}
	}

	String output() throws IOException {
		return Files.readString(log, StandardCharsets.UTF_8);
	}

	private void assertAlive() {
		if (!process.isAlive()) {
			throw new AssertionError(name + " exited with " + process.exitValue() + tail());
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		List<ProcessHandle> tree = process.descendants().toList();
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

}
