package dev.billforge.docrouter.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checked-in form of an OpenAPI document: keys sorted at every level except a
 * schema's {@code properties} (kept in declaration order, which the generated SDK models
 * follow), two-space indent, final newline.
 */
final class OpenApiFiles {

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private OpenApiFiles() {
	}

	static String canonical(JsonNode document) {
		return PRETTY.writeValueAsString(sorted(document)) + "\n";
	}

	private static JsonNode sorted(JsonNode node) {
		return sorted(node, true);
	}

	private static JsonNode sorted(JsonNode node, boolean sortKeys) {
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			List<String> names = new ArrayList<>(node.propertyNames());
			if (sortKeys) {
				Collections.sort(names);
			}
			names.forEach(name -> copy.set(name, sorted(node.get(name), !(sortKeys && name.equals("properties")))));
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			node.forEach(item -> copy.add(sorted(item, true)));
			return copy;
		}
		return node;
	}

}
