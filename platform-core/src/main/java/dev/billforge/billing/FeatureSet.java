package dev.billforge.billing;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The features a plan, pack, enterprise contract or the free tier carries: switches
 * ({@code mcp_access}) and limits ({@code documents_per_month: 500}). On a Stripe price
 * they travel as one metadata value
 * ({@code features = "documents_per_month=500,mcp_access"}), so a subscription keeps the
 * features of the price it is on (grandfathered like the allowance).
 */
public record FeatureSet(SortedSet<String> switches, SortedMap<String, Long> limits) {

	/** Feature names: like catalog keys. */
	public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	/**
	 * At most this many features per set (Stripe metadata values hold 500 characters).
	 */
	public static final int MAX_FEATURES = 20;

	/** A limit has at most this many digits. */
	private static final int MAX_LIMIT_DIGITS = 12;

	public static final FeatureSet EMPTY = new FeatureSet(new TreeSet<>(), new TreeMap<>());

	public FeatureSet {
		switches = Collections.unmodifiableSortedSet(new TreeSet<>(switches));
		limits = Collections.unmodifiableSortedMap(new TreeMap<>(limits));
		if (switches.size() + limits.size() > MAX_FEATURES) {
			throw new IllegalArgumentException("at most " + MAX_FEATURES + " features");
		}
		for (String name : switches) {
			requireName(name);
			if (limits.containsKey(name)) {
				throw new IllegalArgumentException("feature " + name + " is both a switch and a limit");
			}
		}
		limits.forEach((name, limit) -> {
			requireName(name);
			if (limit == null || limit < 0) {
				throw new IllegalArgumentException("feature " + name + ": a limit is a whole number of at least 0");
			}
		});
	}

	private static void requireName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("feature name '" + name + "' must match " + NAME.pattern());
		}
	}

	/** Whether the feature is on: a switch that is set, or a limit above 0. */
	public boolean has(String feature) {
		return switches.contains(feature) || limits.getOrDefault(feature, 0L) > 0;
	}

	/** The limit of a limit feature; empty for switches and features not in the set. */
	public OptionalLong limit(String feature) {
		Long limit = limits.get(feature);
		return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
	}

	@JsonIgnore
	public boolean isEmpty() {
		return switches.isEmpty() && limits.isEmpty();
	}

	/** Both sets together: every switch of either, and the higher of two limits. */
	public FeatureSet union(FeatureSet other) {
		TreeSet<String> s = new TreeSet<>(switches);
		s.addAll(other.switches);
		TreeMap<String, Long> l = new TreeMap<>(limits);
		other.limits.forEach((name, limit) -> l.merge(name, limit, Math::max));
		s.removeAll(l.keySet());
		return new FeatureSet(s, l);
	}

	/**
	 * This set with one limit replaced (a per-seat plan's {@code seats} is the
	 * subscription quantity).
	 */
	public FeatureSet withLimit(String feature, long limit) {
		TreeMap<String, Long> l = new TreeMap<>(limits);
		l.put(feature, limit);
		TreeSet<String> s = new TreeSet<>(switches);
		s.remove(feature);
		return new FeatureSet(s, l);
	}

	/**
	 * The Stripe metadata value: sorted, comma-separated, {@code name} or
	 * {@code name=limit}.
	 */
	public String toMetadata() {
		TreeMap<String, String> all = new TreeMap<>();
		switches.forEach(s -> all.put(s, s));
		limits.forEach((name, limit) -> all.put(name, name + "=" + limit));
		return String.join(",", all.values());
	}

	/**
	 * Reads {@link #toMetadata()} back. Metadata can be edited in Stripe's dashboard, so
	 * it is held to the same bounds as the catalog file.
	 * @throws IllegalArgumentException when malformed
	 */
	public static FeatureSet fromMetadata(String value) {
		if (value == null || value.isBlank()) {
			return EMPTY;
		}
		if (value.length() > 500) {
			throw new IllegalArgumentException("features metadata longer than 500 characters");
		}
		TreeSet<String> switches = new TreeSet<>();
		TreeMap<String, Long> limits = new TreeMap<>();
		for (String part : value.split(",", MAX_FEATURES + 1)) {
			String item = part.strip();
			int eq = item.indexOf('=');
			if (eq < 0) {
				switches.add(item);
			}
			else {
				limits.put(item.substring(0, eq), parseLimit(item.substring(eq + 1)));
			}
		}
		return new FeatureSet(switches, limits);
	}

	/**
	 * Reads a catalog file's {@code features} mapping: {@code name: true} is a switch
	 * ({@code false} leaves it out), {@code name: 500} a limit.
	 */
	public static FeatureSet fromYaml(Object value) {
		if (value == null) {
			return EMPTY;
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("features must be a mapping of name: true or name: limit");
		}
		TreeSet<String> switches = new TreeSet<>();
		TreeMap<String, Long> limits = new TreeMap<>();
		for (Map.Entry<?, ?> e : map.entrySet()) {
			String name = String.valueOf(e.getKey());
			Object v = e.getValue();
			if (Boolean.TRUE.equals(v)) {
				switches.add(name);
			}
			else if (v instanceof Integer || v instanceof Long) {
				limits.put(name, parseLimit(v.toString()));
			}
			else if (!Boolean.FALSE.equals(v)) {
				throw new IllegalArgumentException("feature " + name + " must be true, false or a whole number");
			}
		}
		return new FeatureSet(switches, limits);
	}

	private static long parseLimit(String text) {
		if (text.isEmpty() || text.length() > MAX_LIMIT_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("a feature limit must be a whole number of at most " + MAX_LIMIT_DIGITS
					+ " digits: '" + text + "'");
		}
		return Long.parseLong(text);
	}

	/** All feature names of the set. */
	public Set<String> names() {
		TreeSet<String> names = new TreeSet<>(switches);
		names.addAll(limits.keySet());
		return names;
	}

}
