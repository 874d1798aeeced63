package dev.billforge.generator.internal;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The feature entitlements of a plan, a pack, the free tier or enterprise contracts
 * (docs/billing.md, "Feature entitlements"): switches ({@code mcp_access: true}) and
 * limits ({@code documents_per_month: 500}), held to the bounds of platform-core's
 * FeatureSet so a generated catalog is never refused at push time.
 *
 * @param values feature name to {@code null} for a switch or the limit
 */
public record Features(SortedMap<String, Long> values) {

	public static final Features NONE = new Features(new TreeMap<>());

	static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	private static final int MAX = 20;

	private static final long MAX_LIMIT = 999_999_999_999L;

	public Features {
		values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
	}

	/**
	 * Reads a tenant.yml {@code features} mapping: {@code name: true} a switch,
	 * {@code name: false} left out, {@code name: 500} a limit (a whole number of at most
	 * 12 digits).
	 */
	static Features read(String option, Object value) {
		if (value == null) {
			return NONE;
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidAnswerException(option, "features must be a mapping of name: true or name: <limit>");
		}
		if (map.size() > MAX) {
			throw new InvalidAnswerException(option,
					"at most " + MAX + " features (Stripe keeps them in one metadata value)");
		}
		TreeMap<String, Long> values = new TreeMap<>();
		for (Map.Entry<?, ?> e : map.entrySet()) {
			String name = String.valueOf(e.getKey());
			if (!NAME.matcher(name).matches()) {
				throw new InvalidAnswerException(option, "feature name '" + Texts.shown(name)
						+ "' must be lower case letters, digits and _ (starting with a letter, at most 40)");
			}
			Object v = e.getValue();
			if (Boolean.TRUE.equals(v)) {
				values.put(name, null);
			}
			else if ((v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= 0
					&& ((Number) v).longValue() <= MAX_LIMIT) {
				values.put(name, ((Number) v).longValue());
			}
			else if (!Boolean.FALSE.equals(v)) {
				throw new InvalidAnswerException(option,
						"feature " + name + " must be true, false or a whole number from 0 to " + MAX_LIMIT);
			}
		}
		return new Features(values);
	}

	boolean isEmpty() {
		return values.isEmpty();
	}

	/**
	 * Flow mapping, sorted by name, as both tenant.yml and catalog.yml write it:
	 * {@code {a: true, b: 500}}.
	 */
	String yaml() {
		return values.entrySet()
			.stream()
			.map(e -> e.getKey() + ": " + (e.getValue() == null ? "true" : e.getValue().toString()))
			.collect(Collectors.joining(", ", "{", "}"));
	}
}
