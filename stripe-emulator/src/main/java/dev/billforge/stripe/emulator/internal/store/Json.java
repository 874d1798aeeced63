package dev.billforge.stripe.emulator.internal.store;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Jackson helpers; stored objects are plain JSON trees shaped like Stripe's. */
public final class Json {

	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static ObjectNode obj() {
		return MAPPER.createObjectNode();
	}

	public static ArrayNode arr() {
		return MAPPER.createArrayNode();
	}

	public static String write(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	public static JsonNode read(String text) {
		return MAPPER.readTree(text);
	}

	/** Text of a field, or null when missing or JSON null. */
	public static String str(JsonNode node, String field) {
		JsonNode v = node == null ? null : node.get(field);
		return v == null || v.isNull() ? null : v.asString();
	}

	public static long lng(JsonNode node, String field, long fallback) {
		JsonNode v = node == null ? null : node.get(field);
		return v == null || v.isNull() ? fallback : v.asLong();
	}

	public static boolean bool(JsonNode node, String field) {
		JsonNode v = node == null ? null : node.get(field);
		return v != null && !v.isNull() && v.asBoolean();
	}

	/** Converts parsed form values (String, Map, List) to JSON. */
	public static JsonNode fromValue(Object value) {
		if (value == null) {
			return MAPPER.nullNode();
		}
		if (value instanceof Map<?, ?> map) {
			ObjectNode o = obj();
			map.forEach((k, v) -> o.set(String.valueOf(k), fromValue(v)));
			return o;
		}
		if (value instanceof List<?> list) {
			ArrayNode a = arr();
			list.forEach(v -> a.add(fromValue(v)));
			return a;
		}
		return MAPPER.getNodeFactory().stringNode(String.valueOf(value));
	}

	/** Deep copy without internal fields (names starting with '_'), at every level. */
	public static JsonNode publicCopy(JsonNode node) {
		if (node instanceof ObjectNode o) {
			ObjectNode copy = obj();
			for (Map.Entry<String, JsonNode> e : o.properties()) {
				if (!e.getKey().startsWith("_")) {
					copy.set(e.getKey(), publicCopy(e.getValue()));
				}
			}
			return copy;
		}
		if (node instanceof ArrayNode a) {
			ArrayNode copy = arr();
			a.forEach(v -> copy.add(publicCopy(v)));
			return copy;
		}
		return node.deepCopy();
	}

}
