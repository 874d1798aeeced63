package dev.billforge.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The repository's docker-compose.yml and its env files, read the way docker compose
 * reads them.
 */
record ComposeFile(String text, Map<String, Map<String, Object>> services) {

	static final Path ROOT = Path.of("..");

	/**
	 * {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}},
	 * {@code ${NAME:?message}}.
	 */
	static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

	/**
	 * Names that hold secrets: they must never get a value in the compose file itself.
	 */
	static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|TOKEN|_KEY)$");

	@SuppressWarnings("unchecked")
	static ComposeFile load() throws IOException {
		String text = Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
		Map<String, Object> parsed = new Yaml().load(text);
		return new ComposeFile(text, (Map<String, Map<String, Object>>) parsed.get("services"));
	}

	/** KEY=VALUE lines of an env file (comments and blank lines skipped). */
	static Map<String, String> envFile(String relativePath) throws IOException {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : Files.readAllLines(ROOT.resolve(relativePath), StandardCharsets.UTF_8)) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int eq = trimmed.indexOf('=');
			values.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
		}
		return values;
	}

	/** Every variable the file refers to. */
	Set<String> variables() {
		Set<String> names = new LinkedHashSet<>();
		Matcher m = VARIABLE.matcher(text);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	/** Every reference that gives a default ({@code :-} or {@code -}), as written. */
	List<String> referencesWithDefault(String name) {
		return VARIABLE.matcher(text)
			.results()
			.filter(r -> r.group(1).equals(name) && r.group(2) != null && r.group(2).endsWith("-"))
			.map(r -> r.group())
			.toList();
	}

	@SuppressWarnings("unchecked")
	Map<String, String> environment(String service) {
		Object env = services.get(service).get("environment");
		return env == null ? Map.of() : (Map<String, String>) env;
	}

	/**
	 * A service's environment as the container gets it, interpolated from an env file.
	 */
	Map<String, String> environment(String service, Map<String, String> envFile) {
		Map<String, String> resolved = new LinkedHashMap<>();
		environment(service).forEach((key, value) -> resolved.put(key, interpolate(String.valueOf(value), envFile)));
		return resolved;
	}

	static String interpolate(String value, Map<String, String> envFile) {
		return VARIABLE.matcher(value).replaceAll(r -> {
			String set = envFile.get(r.group(1));
			boolean useDefault = r.group(2) != null && r.group(2).endsWith("-")
					&& (set == null || (r.group(2).startsWith(":") && set.isEmpty()));
			return Matcher.quoteReplacement(useDefault ? r.group(3) : set == null ? "" : set);
		});
	}

	@SuppressWarnings("unchecked")
	List<String> profiles(String service) {
		Object profiles = services.get(service).get("profiles");
		return profiles == null ? List.of() : (List<String>) profiles;
	}

	/**
	 * Tenant services: those started from a billforge/tenant-* image that are not
	 * provisioning runs.
	 */
	List<String> tenants() {
		return services.keySet()
			.stream()
			.filter(name -> String.valueOf(services.get(name).get("image")).startsWith("billforge/tenant-"))
			.filter(name -> !"true".equals(environment(name).get("KEYCLOAK_PROVISION")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	Map<String, Map<String, Object>> dependsOn(String service) {
		Object deps = services.get(service).get("depends_on");
		return deps == null ? Map.of() : (Map<String, Map<String, Object>>) deps;
	}

}
