package dev.billforge.branding.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping in brand.yml with the set of keys it may hold. Unknown keys are reported
 * (with the closest allowed key as a hint) so a typo never silently falls back to a
 * default.
 */
final class YamlObject {

	static final String FILE = "brand.yml";

	private final String path;

	private final Map<?, ?> map;

	private final Problems problems;

	private YamlObject(String path, Map<?, ?> map, Problems problems) {
		this.path = path;
		this.map = map;
		this.problems = problems;
	}

	/**
	 * Wraps {@code node}, reporting a non-mapping or unknown keys. Empty when the node is
	 * unusable.
	 */
	static Optional<YamlObject> of(String path, Object node, List<String> allowedKeys, Problems problems) {
		if (!(node instanceof Map<?, ?> map)) {
			problems.add(FILE, path, "must be a mapping with the keys " + String.join(", ", allowedKeys));
			return Optional.empty();
		}
		for (Object key : map.keySet()) {
			String name = String.valueOf(key);
			if (!(key instanceof String) || !allowedKeys.contains(name)) {
				String hint = closest(name, allowedKeys).map(k -> "did you mean \"" + k + "\"? ").orElse("");
				problems.add(FILE, join(path, name),
						"unknown key (" + hint + "allowed here: " + String.join(", ", allowedKeys) + ")");
			}
		}
		return Optional.of(new YamlObject(path, map, problems));
	}

	String path() {
		return path;
	}

	String field(String key) {
		return join(path, key);
	}

	boolean has(String key) {
		return map.containsKey(key);
	}

	Object raw(String key) {
		return map.get(key);
	}

	/**
	 * The text at {@code key}; reports absence (when required), null values and non-text
	 * values.
	 */
	Optional<String> text(String key, boolean required, String nullHint) {
		String field = field(key);
		if (!map.containsKey(key)) {
			if (required) {
				problems.add(FILE, field, "is required but missing");
			}
			return Optional.empty();
		}
		Object value = map.get(key);
		if (value == null) {
			problems.add(FILE, field, "has no value" + nullHint);
			return Optional.empty();
		}
		if (!(value instanceof String text)) {
			problems.add(FILE, field, "must be text but YAML read " + describe(value) + "; put the value in quotes");
			return Optional.empty();
		}
		if (text.isBlank()) {
			if (required) {
				problems.add(FILE, field, "must not be empty");
			}
			return Optional.empty();
		}
		return Optional.of(text.strip());
	}

	Optional<YamlObject> object(String key, List<String> allowedKeys) {
		if (!map.containsKey(key)) {
			problems.add(FILE, field(key), "is required but missing");
			return Optional.empty();
		}
		return of(field(key), map.get(key), allowedKeys, problems);
	}

	private static String describe(Object value) {
		if (value instanceof Map<?, ?>) {
			return "a mapping";
		}
		if (value instanceof List<?>) {
			return "a list";
		}
		return "the " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
	}

	private static String join(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	/**
	 * The allowed key within edit distance 2, if any — enough to catch typos like
	 * "primay".
	 */
	private static Optional<String> closest(String name, List<String> allowed) {
		String best = null;
		int bestDistance = 3;
		for (String candidate : allowed) {
			int d = distance(name.toLowerCase(java.util.Locale.ROOT), candidate);
			if (d < bestDistance) {
				best = candidate;
				bestDistance = d;
			}
		}
		return Optional.ofNullable(best);
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
