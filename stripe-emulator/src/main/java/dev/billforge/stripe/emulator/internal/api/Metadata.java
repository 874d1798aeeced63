package dev.billforge.stripe.emulator.internal.api;

import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe metadata semantics: {@code metadata[k]=""} unsets a key, {@code metadata=""}
 * clears all.
 */
final class Metadata {

	private Metadata() {
	}

	/**
	 * The merged metadata, or {@code current} unchanged when the request has no metadata
	 * param.
	 */
	static ObjectNode merge(JsonNode current, FormParams p) {
		ObjectNode out = current instanceof ObjectNode o ? o.deepCopy() : Json.obj();
		if (!p.has("metadata")) {
			return out;
		}
		Object raw = p.raw("metadata");
		if ("".equals(raw)) {
			return Json.obj();
		}
		if (!(raw instanceof Map<?, ?> map)) {
			throw ApiError.invalid("metadata", "Invalid hash: metadata");
		}
		for (Map.Entry<?, ?> e : map.entrySet()) {
			String key = String.valueOf(e.getKey());
			if (!(e.getValue() instanceof String value)) {
				throw ApiError.invalid("metadata[" + key + "]", "Metadata values must be strings.");
			}
			if (key.length() > 40) {
				throw ApiError.invalid("metadata", "Metadata keys can be at most 40 characters long.");
			}
			if (value.length() > 500) {
				throw ApiError.invalid("metadata[" + key + "]", "Metadata values can be at most 500 characters long.");
			}
			if (value.isEmpty()) {
				out.remove(key);
			}
			else {
				out.put(key, value);
			}
		}
		if (out.size() > 50) {
			throw ApiError.invalid("metadata", "Metadata can have at most 50 keys.");
		}
		return out;
	}

	static ObjectNode create(FormParams p) {
		return merge(Json.obj(), p);
	}

}
