package dev.billforge.telemetry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;

import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

/**
 * OTLP attributes as stored: a list of {@code {k, v}} pairs (keys contain dots, so they
 * are not field names) whose values keep their types — strings, 64-bit integers, doubles,
 * booleans, bytes, arrays and key-value lists (nested pairs) — within the request's count
 * and depth limits.
 */
final class Attributes {

	private final Map<String, AnyValue> byKey;

	private Attributes(Map<String, AnyValue> byKey) {
		this.byKey = byKey;
	}

	/**
	 * A lookup over several attribute lists; the first list wins (e.g. span before
	 * resource).
	 */
	@SafeVarargs
	static Attributes of(List<KeyValue>... lists) {
		Map<String, AnyValue> map = new HashMap<>();
		for (int i = lists.length - 1; i >= 0; i--) {
			for (KeyValue kv : lists[i]) {
				map.put(kv.getKey(), kv.getValue());
			}
		}
		return new Attributes(map);
	}

	String string(String... keys) {
		for (String key : keys) {
			AnyValue value = byKey.get(key);
			if (value != null) {
				String text = text(value);
				if (text != null && !text.isEmpty()) {
					return text;
				}
			}
		}
		return null;
	}

	/**
	 * An integer attribute; integral doubles and numeric strings count too (exporters
	 * differ).
	 */
	Long integer(String... keys) {
		for (String key : keys) {
			AnyValue value = byKey.get(key);
			if (value == null) {
				continue;
			}
			switch (value.getValueCase()) {
				case INT_VALUE:
					return value.getIntValue();
				case DOUBLE_VALUE:
					double d = value.getDoubleValue();
					if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
						return (long) d;
					}
					break;
				case STRING_VALUE:
					String s = value.getStringValue().strip();
					if (s.matches("-?\\d{1,15}")) {
						return Long.parseLong(s);
					}
					break;
				default:
					break;
			}
		}
		return null;
	}

	/** Largest cost believed (USD per item); larger values are ignored as garbage. */
	private static final java.math.BigDecimal MAX_COST = java.math.BigDecimal.valueOf(1_000_000);

	/**
	 * A non-negative decimal attribute up to a million (a cost); doubles convert through
	 * their shortest decimal form.
	 */
	java.math.BigDecimal decimal(String... keys) {
		for (String key : keys) {
			java.math.BigDecimal value = rawDecimal(key);
			if (value != null && value.signum() >= 0 && value.compareTo(MAX_COST) <= 0) {
				return value;
			}
		}
		return null;
	}

	private java.math.BigDecimal rawDecimal(String... keys) {
		for (String key : keys) {
			AnyValue value = byKey.get(key);
			if (value == null) {
				continue;
			}
			switch (value.getValueCase()) {
				case INT_VALUE:
					return java.math.BigDecimal.valueOf(value.getIntValue());
				case DOUBLE_VALUE:
					if (Double.isFinite(value.getDoubleValue()) && value.getDoubleValue() >= 0) {
						return java.math.BigDecimal.valueOf(value.getDoubleValue());
					}
					break;
				case STRING_VALUE:
					String s = value.getStringValue().strip();
					if (s.matches("\\d{1,12}(\\.\\d{1,12})?")) {
						return new java.math.BigDecimal(s);
					}
					break;
				default:
					break;
			}
		}
		return null;
	}

	Boolean bool(String key) {
		AnyValue value = byKey.get(key);
		if (value == null) {
			return null;
		}
		return switch (value.getValueCase()) {
			case BOOL_VALUE -> value.getBoolValue();
			case STRING_VALUE -> Boolean.parseBoolean(value.getStringValue());
			default -> null;
		};
	}

	/** The value as text (scalars as written; structured values as null). */
	static String text(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case INT_VALUE -> Long.toString(value.getIntValue());
			case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
			case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
			default -> null;
		};
	}

	/** The longest attribute key and name (span, metric, severity text) stored. */
	static final int MAX_KEY = 256;

	static final int MAX_NAME = 1024;

	/**
	 * An attribute key as stored: bounded, no control characters (they corrupt the pages
	 * and exports).
	 */
	static String key(String key, String where) {
		return name("attribute key", key, MAX_KEY, where);
	}

	/**
	 * A name as stored, by the platform's one rule for outside text; a bad one rejects
	 * the request.
	 */
	static String name(String field, String value, int max, String where) {
		try {
			TextInput.optional(field, value, max);
			return value;
		}
		catch (ProblemException ex) {
			throw OtlpRejection.invalid(where + ": " + ex.getMessage());
		}
	}

	/** Stored form of an attribute list; a list over the limit rejects the request. */
	static List<Document> store(List<KeyValue> kvs, Limits limits, String where) {
		if (kvs.size() > limits.maxAttributes()) {
			throw OtlpRejection
				.invalid(where + " has " + kvs.size() + " attributes, more than " + limits.maxAttributes());
		}
		List<Document> out = new ArrayList<>(kvs.size());
		for (KeyValue kv : kvs) {
			out.add(new Document("k", key(kv.getKey(), where)).append("v", value(kv.getValue(), limits, 1, where)));
		}
		return out;
	}

	static Object value(AnyValue value, Limits limits, int depth, String where) {
		if (depth > limits.maxDepth()) {
			throw OtlpRejection.invalid(where + " has attribute values nested deeper than " + limits.maxDepth());
		}
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case BOOL_VALUE -> value.getBoolValue();
			case INT_VALUE -> value.getIntValue();
			case DOUBLE_VALUE -> {
				if (!Double.isFinite(value.getDoubleValue())) {
					throw OtlpRejection.invalid(where + " has an attribute that is not a finite number");
				}
				yield value.getDoubleValue();
			}
			case BYTES_VALUE -> new Binary(value.getBytesValue().toByteArray());
			case ARRAY_VALUE -> {
				if (value.getArrayValue().getValuesCount() > limits.maxAttributes()) {
					throw OtlpRejection
						.invalid(where + " has an array attribute longer than " + limits.maxAttributes());
				}
				List<Object> items = new ArrayList<>();
				for (AnyValue item : value.getArrayValue().getValuesList()) {
					items.add(value(item, limits, depth + 1, where));
				}
				yield items;
			}
			case KVLIST_VALUE -> {
				List<KeyValue> kvs = value.getKvlistValue().getValuesList();
				if (kvs.size() > limits.maxAttributes()) {
					throw OtlpRejection.invalid(where + " has a key-value list longer than " + limits.maxAttributes());
				}
				List<Document> pairs = new ArrayList<>(kvs.size());
				for (KeyValue kv : kvs) {
					pairs.add(new Document("k", key(kv.getKey(), where)).append("v",
							value(kv.getValue(), limits, depth + 1, where)));
				}
				yield new Document("kvlist", pairs);
			}
			default -> null;
		};
	}

	/** Lower-cased words of names and string values for free-text search, bounded. */
	static void appendText(StringBuilder text, List<KeyValue> kvs, int max) {
		for (KeyValue kv : kvs) {
			if (text.length() >= max) {
				return;
			}
			String value = text(kv.getValue());
			if (value != null) {
				text.append(' ').append(kv.getKey()).append('=').append(value);
			}
		}
	}

}
