package dev.billforge.stripe.emulator.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stripe's form encoding: {@code metadata[k]=v}, {@code items[0][price]=p},
 * {@code expand[]=x}. Values are String, Map (nested hash) or List. A view on a nested
 * hash keeps its prefix so errors name the full param.
 */
public final class FormParams {

	private final Map<String, Object> values;

	private final String prefix;

	private final String fingerprint;

	private FormParams(Map<String, Object> values, String prefix, String fingerprint) {
		this.values = values;
		this.prefix = prefix;
		this.fingerprint = fingerprint;
	}

	public static FormParams empty() {
		return new FormParams(Map.of(), "", "");
	}

	public static FormParams parse(String encoded) {
		Map<String, Object> root = new LinkedHashMap<>();
		List<String> pairs = new ArrayList<>();
		if (encoded != null && !encoded.isBlank()) {
			for (String pair : encoded.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int eq = pair.indexOf('=');
				String key = decode(eq < 0 ? pair : pair.substring(0, eq));
				String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
				pairs.add(key + "=" + value);
				insert(root, key, value);
			}
		}
		Collections.sort(pairs);
		@SuppressWarnings("unchecked")
		Map<String, Object> finished = (Map<String, Object>) finish(root);
		return new FormParams(finished, "", String.join("&", pairs));
	}

	private static String decode(String s) {
		try {
			return URLDecoder.decode(s, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw ApiError.invalid(null, "Invalid form encoding.");
		}
	}

	/** Marker for containers addressed by index ({@code [0]} or {@code []}). */
	private static final class Indexed extends LinkedHashMap<String, Object> {

	}

	private static List<String> segments(String key) {
		List<String> segs = new ArrayList<>();
		int b = key.indexOf('[');
		if (b < 0) {
			segs.add(key);
			return segs;
		}
		segs.add(key.substring(0, b));
		int i = b;
		while (i < key.length() && key.charAt(i) == '[') {
			int close = key.indexOf(']', i);
			if (close < 0) {
				throw ApiError.invalid(key, "Invalid array or hash parameter: " + key);
			}
			segs.add(key.substring(i + 1, close));
			i = close + 1;
		}
		return segs;
	}

	@SuppressWarnings("unchecked")
	private static void insert(Map<String, Object> root, String key, String value) {
		List<String> segs = segments(key);
		Map<String, Object> container = root;
		boolean inMetadata = false;
		for (int i = 0; i < segs.size(); i++) {
			String seg = segs.get(i);
			if (container instanceof Indexed && seg.isEmpty()) {
				seg = String.valueOf(container.size());
			}
			boolean last = i == segs.size() - 1;
			if (last) {
				container.put(seg, value);
				return;
			}
			String next = segs.get(i + 1);
			inMetadata = inMetadata || "metadata".equals(seg);
			boolean indexed = !inMetadata && (next.isEmpty() || next.chars().allMatch(Character::isDigit));
			Object existing = container.get(seg);
			if (!(existing instanceof Map)) {
				existing = indexed ? new Indexed() : new LinkedHashMap<String, Object>();
				container.put(seg, existing);
			}
			container = (Map<String, Object>) existing;
		}
	}

	private static Object finish(Object value) {
		if (value instanceof Indexed indexed) {
			TreeMap<Integer, Object> sorted = new TreeMap<>();
			indexed.forEach((k, v) -> sorted.put(Integer.parseInt(k), finish(v)));
			return new ArrayList<>(sorted.values());
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> out = new LinkedHashMap<>();
			map.forEach((k, v) -> out.put((String) k, finish(v)));
			return out;
		}
		return value;
	}

	/** Canonical form of the parameters, used to compare idempotent requests. */
	public String fingerprint() {
		return fingerprint;
	}

	public String name(String key) {
		return prefix.isEmpty() ? key : prefix + "[" + key + "]";
	}

	public boolean has(String key) {
		return values.containsKey(key);
	}

	public Set<String> keys() {
		return values.keySet();
	}

	public Object raw(String key) {
		return values.get(key);
	}

	/**
	 * Rejects any parameter not in {@code allowed} ({@code expand} is always allowed).
	 */
	public FormParams allowOnly(String... allowed) {
		Set<String> ok = Set.of(allowed);
		for (String key : values.keySet()) {
			if (!ok.contains(key) && !"expand".equals(key)) {
				throw ApiError.unknownParam(name(key));
			}
		}
		return this;
	}

	public String string(String key) {
		Object v = values.get(key);
		if (v == null) {
			return null;
		}
		if (!(v instanceof String s)) {
			throw ApiError.invalid(name(key), "Invalid string: " + name(key));
		}
		return s;
	}

	public String requiredString(String key) {
		String v = string(key);
		if (v == null || v.isEmpty()) {
			throw ApiError.missingParam(name(key));
		}
		return v;
	}

	public Long longValue(String key) {
		String v = string(key);
		if (v == null || v.isEmpty()) {
			return null;
		}
		try {
			return Long.parseLong(v);
		}
		catch (NumberFormatException e) {
			throw ApiError.invalid(name(key), "Invalid integer: " + v);
		}
	}

	public long longValue(String key, long fallback) {
		Long v = longValue(key);
		return v == null ? fallback : v;
	}

	public Boolean bool(String key) {
		String v = string(key);
		if (v == null || v.isEmpty()) {
			return null;
		}
		if (!"true".equals(v) && !"false".equals(v)) {
			throw ApiError.invalid(name(key), "Invalid boolean: " + v);
		}
		return Boolean.parseBoolean(v);
	}

	public String oneOf(String key, String fallback, String... allowed) {
		String v = string(key);
		if (v == null || v.isEmpty()) {
			return fallback;
		}
		for (String a : allowed) {
			if (a.equals(v)) {
				return v;
			}
		}
		throw ApiError.invalid(name(key), "Invalid " + name(key) + ": must be one of " + String.join(", ", allowed));
	}

	/**
	 * A nested hash as its own params view; null when absent. Empty string means
	 * "cleared".
	 */
	@SuppressWarnings("unchecked")
	public FormParams nested(String key) {
		Object v = values.get(key);
		if (v == null || "".equals(v)) {
			return null;
		}
		if (!(v instanceof Map)) {
			throw ApiError.invalid(name(key), "Invalid hash: " + name(key));
		}
		return new FormParams((Map<String, Object>) v, name(key), "");
	}

	/** A list of nested hashes, each as a params view. */
	@SuppressWarnings("unchecked")
	public List<FormParams> nestedList(String key) {
		Object v = values.get(key);
		if (v == null || "".equals(v)) {
			return List.of();
		}
		if (!(v instanceof List<?> list)) {
			throw ApiError.invalid(name(key), "Invalid array: " + name(key));
		}
		List<FormParams> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			Object item = list.get(i);
			if (!(item instanceof Map)) {
				throw ApiError.invalid(name(key) + "[" + i + "]", "Invalid hash");
			}
			out.add(new FormParams((Map<String, Object>) item, name(key) + "[" + i + "]", ""));
		}
		return out;
	}

	public List<String> stringList(String key) {
		Object v = values.get(key);
		if (v == null || "".equals(v)) {
			return List.of();
		}
		if (v instanceof String s) {
			return List.of(s);
		}
		if (!(v instanceof List<?> list)) {
			throw ApiError.invalid(name(key), "Invalid array: " + name(key));
		}
		List<String> out = new ArrayList<>();
		for (Object o : list) {
			if (!(o instanceof String s)) {
				throw ApiError.invalid(name(key), "Invalid array of strings: " + name(key));
			}
			out.add(s);
		}
		return out;
	}

}
