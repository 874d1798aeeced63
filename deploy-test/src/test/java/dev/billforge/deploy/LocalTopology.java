package dev.billforge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml's services as local processes on one machine: each
 * {@code service:containerPort} becomes {@code 127.0.0.1:<free port>}, each published
 * {@code localhost:hostPort} becomes {@code localhost:<that same
 * port>}, each named volume a directory, and the files the images add (the Java agent)
 * their local copies. Nothing else of a service's environment or command is changed.
 */
final class LocalTopology {

	private static final Pattern HOST_PORT = Pattern.compile("\\b([a-z][a-z0-9-]*):(\\d{2,5})\\b");

	private static final Pattern PUBLISHED = Pattern.compile("(\\d+):(\\d+)");

	/** Where the images' Jib extra directory puts the agent (pom.xml, profile image). */
	static final String IMAGE_AGENT = "/otel/opentelemetry-javaagent.jar";

	/**
	 * The images' data directory (writable by their user); a container's own when no
	 * volume is mounted there.
	 */
	static final String IMAGE_DATA = "/data";

	private final ComposeFile compose;

	private final Map<String, String> envFile;

	private final Path work;

	private final Path localAgent;

	/** service → container port → local port. */
	private final Map<String, Map<Integer, Integer>> ports = new LinkedHashMap<>();

	/** published host port → [service, container port]. */
	private final Map<Integer, Object[]> published = new LinkedHashMap<>();

	/**
	 * named volume → local directory (volumes a service keeps in its own installation are
	 * registered first).
	 */
	private final Map<String, Path> volumes = new LinkedHashMap<>();

	LocalTopology(ComposeFile compose, Map<String, String> envFile, Path work, Path localAgent) {
		this.compose = compose;
		this.envFile = envFile;
		this.work = work;
		this.localAgent = localAgent;
		compose.services().forEach((name, service) -> {
			Object list = service.get("ports");
			if (list instanceof List<?> entries) {
				for (Object entry : entries) {
					Matcher m = PUBLISHED.matcher(ComposeFile.interpolate(String.valueOf(entry), envFile));
					if (!m.matches()) {
						throw new IllegalStateException("unexpected port mapping " + entry + " of " + name);
					}
					published.put(Integer.valueOf(m.group(1)), new Object[] { name, Integer.valueOf(m.group(2)) });
				}
			}
		});
	}

	/**
	 * The local port that stands for {@code service:containerPort} (and for its published
	 * port, if any).
	 */
	synchronized int port(String service, int containerPort) {
		if (!compose.services().containsKey(service)) {
			throw new IllegalArgumentException("no service " + service + " in docker-compose.yml");
		}
		return ports.computeIfAbsent(service, s -> new LinkedHashMap<>())
			.computeIfAbsent(containerPort, p -> freePort());
	}

	/**
	 * A service that picks its own port (the MongoDB server here) stands for
	 * {@code service:containerPort}.
	 */
	synchronized void assign(String service, int containerPort, int localPort) {
		ports.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(containerPort, localPort);
	}

	/**
	 * A volume that a locally installed service keeps at its own place (e.g. Keycloak's
	 * themes directory).
	 */
	void volumeAt(String volume, Path local) {
		volumes.put(volume, local);
	}

	Path volume(String name) {
		return volumes.computeIfAbsent(name, n -> {
			try {
				return Files.createDirectories(work.resolve("volumes").resolve(n));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * The service's environment, interpolated from the env file as compose does, then
	 * mapped to this machine.
	 */
	Map<String, String> environment(String service) {
		Map<String, String> env = new LinkedHashMap<>();
		compose.environment(service, envFile)
			.forEach((key, value) -> env.put(key, localPort(service, local(service, value))));
		return env;
	}

	/**
	 * The service's command, mapped the same way; a bare container port of the service
	 * becomes its local port.
	 */
	@SuppressWarnings("unchecked")
	List<String> command(String service) {
		List<String> command = new ArrayList<>();
		Object raw = compose.services().get(service).get("command");
		for (Object arg : raw == null ? List.of() : (List<Object>) raw) {
			String value = localPort(service, local(service, ComposeFile.interpolate(String.valueOf(arg), envFile)));
			command.add("0.0.0.0".equals(value) ? "127.0.0.1" : value);
		}
		return command;
	}

	/**
	 * A bare port of the service itself ({@code PORT=8080}, {@code --http-port=8080})
	 * becomes its local port.
	 */
	private String localPort(String service, String value) {
		Matcher port = Pattern.compile("(--[a-z-]+=)?(\\d{2,5})").matcher(value);
		if (port.matches() && containerPorts(service).contains(Integer.valueOf(port.group(2)))) {
			return (port.group(1) == null ? "" : port.group(1)) + port(service, Integer.parseInt(port.group(2)));
		}
		return value;
	}

	/**
	 * The URL of the service's compose health check request, on this machine (port and
	 * path from the file).
	 */
	String healthUrl(String service) {
		String check = String.valueOf(compose.services().get(service).get("healthcheck"));
		Matcher port = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)").matcher(check);
		Matcher path = Pattern.compile("GET (\\S+) HTTP").matcher(check);
		if (!port.find() || !path.find()) {
			throw new IllegalStateException("no HTTP health check on " + service + ": " + check);
		}
		return "http://127.0.0.1:" + port(service, Integer.parseInt(port.group(1))) + path.group(1);
	}

	private List<Integer> containerPorts(String service) {
		List<Integer> result = new ArrayList<>();
		published.values().stream().filter(p -> p[0].equals(service)).forEach(p -> result.add((Integer) p[1]));
		String check = String.valueOf(compose.services().get(service).get("healthcheck"));
		Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)")
			.matcher(check)
			.results()
			.forEach(r -> result.add(Integer.valueOf(r.group(1))));
		return result;
	}

	private String local(String service, String value) {
		String mapped = HOST_PORT.matcher(value).replaceAll(r -> {
			String host = r.group(1);
			int port = Integer.parseInt(r.group(2));
			if ("localhost".equals(host) && published.containsKey(port)) {
				Object[] target = published.get(port);
				return "localhost:" + port((String) target[0], (Integer) target[1]);
			}
			if (compose.services().containsKey(host)) {
				return "127.0.0.1:" + port(host, port);
			}
			return Matcher.quoteReplacement(r.group());
		});
		mapped = mapped.replace(IMAGE_AGENT, localAgent.toString());
		for (String mount : mounts(service)) {
			String[] parts = mount.split(":");
			if (parts.length >= 2 && !parts[0].startsWith(".") && !parts[0].startsWith("/") && !parts[0].startsWith("$")
					&& (mapped.equals(parts[1]) || mapped.startsWith(parts[1] + "/"))) {
				return volume(parts[0]) + mapped.substring(parts[1].length());
			}
		}
		if (mapped.equals(IMAGE_DATA) || mapped.startsWith(IMAGE_DATA + "/")) {
			return volume("container-" + service) + mapped.substring(IMAGE_DATA.length());
		}
		return mapped;
	}

	@SuppressWarnings("unchecked")
	List<String> mounts(String service) {
		Object raw = compose.services().get(service).get("volumes");
		return raw == null ? List.of() : ((List<Object>) raw).stream().map(String::valueOf).toList();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
