package dev.billforge.docrouter.sdk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Finds the changes within {@code /api/v1} that break a client written against
 * {@code before}: a removed path, operation, parameter, response or response field; a
 * changed type or format (a request may widen an integer to a number); a new required
 * request field or parameter; an enum value a request could send that is no longer
 * accepted. Additions (paths, optional fields, response fields, problem codes) are
 * compatible.
 */
final class OpenApiCompatibility {

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

	private final JsonNode before;

	private final JsonNode after;

	private final List<String> problems = new ArrayList<>();

	OpenApiCompatibility(JsonNode before, JsonNode after) {
		this.before = before;
		this.after = after;
	}

	List<String> breakingChanges() {
		problems.clear();
		for (String path : before.path("paths").propertyNames()) {
			if (!path.startsWith("/api/v1/")) {
				continue;
			}
			JsonNode now = after.path("paths").path(path);
			if (now.isMissingNode()) {
				problems.add("removed path " + path);
				continue;
			}
			for (String method : METHODS) {
				JsonNode old = before.path("paths").path(path).path(method);
				if (old.isMissingNode()) {
					continue;
				}
				String where = method.toUpperCase() + " " + path;
				if (now.path(method).isMissingNode()) {
					problems.add("removed operation " + where);
					continue;
				}
				compareOperation(where, old, now.path(method));
			}
		}
		return List.copyOf(problems);
	}

	private void compareOperation(String where, JsonNode old, JsonNode now) {
		for (JsonNode parameter : old.path("parameters")) {
			JsonNode match = parameter(now, parameter.path("name").asString(), parameter.path("in").asString());
			String name = where + " parameter " + parameter.path("name").asString();
			if (match == null) {
				problems.add("removed " + name);
			}
			else {
				compareSchema(name, resolve(before, parameter.path("schema")), resolve(after, match.path("schema")),
						true, new HashSet<>());
			}
		}
		for (JsonNode parameter : now.path("parameters")) {
			if (parameter.path("required").asBoolean(false)
					&& parameter(old, parameter.path("name").asString(), parameter.path("in").asString()) == null) {
				problems.add("new required " + where + " parameter " + parameter.path("name").asString());
			}
		}
		JsonNode oldBody = jsonSchema(old.path("requestBody"));
		JsonNode newBody = jsonSchema(now.path("requestBody"));
		if (oldBody != null && newBody == null) {
			problems.add("removed " + where + " request body");
		}
		else if (newBody != null) {
			if (oldBody == null && now.path("requestBody").path("required").asBoolean(false)) {
				problems.add("new required " + where + " request body");
			}
			else if (oldBody != null) {
				compareSchema(where + " request", resolve(before, oldBody), resolve(after, newBody), true,
						new HashSet<>());
			}
		}
		for (String status : old.path("responses").propertyNames()) {
			if (!status.startsWith("2")) {
				continue;
			}
			JsonNode oldResponse = old.path("responses").path(status);
			JsonNode newResponse = now.path("responses").path(status);
			if (newResponse.isMissingNode()) {
				problems.add("removed " + where + " response " + status);
				continue;
			}
			JsonNode oldSchema = jsonSchema(oldResponse);
			JsonNode newSchema = jsonSchema(newResponse);
			if (oldSchema != null && newSchema == null) {
				problems.add("removed " + where + " response " + status + " body");
			}
			else if (oldSchema != null) {
				compareSchema(where + " response " + status, resolve(before, oldSchema), resolve(after, newSchema),
						false, new HashSet<>());
			}
		}
	}

	/**
	 * {@code request}: the client writes the value (so narrowing breaks it); otherwise it
	 * reads it.
	 */
	private void compareSchema(String where, JsonNode old, JsonNode now, boolean request, Set<String> seen) {
		if (!seen.add(where) || seen.size() > 10_000) {
			return;
		}
		String oldType = old.path("type").asString("");
		String newType = now.path("type").asString("");
		boolean widened = request && oldType.equals("integer") && newType.equals("number");
		if (!oldType.equals(newType) && !widened && !oldType.isEmpty()) {
			problems.add(where + ": type changed from " + oldType + " to " + (newType.isEmpty() ? "untyped" : newType));
			return;
		}
		if (!old.path("format").asString("").equals(now.path("format").asString("")) && !widened) {
			problems.add(where + ": format changed from " + old.path("format").asString("none") + " to "
					+ now.path("format").asString("none"));
		}
		if (request && old.has("enum")) {
			Set<String> allowed = new HashSet<>();
			now.path("enum").forEach(value -> allowed.add(value.asString()));
			old.path("enum").forEach(value -> {
				if (now.has("enum") && !allowed.contains(value.asString())) {
					problems.add(where + ": no longer accepts " + value.asString());
				}
			});
		}
		if (request) {
			Set<String> required = new HashSet<>();
			old.path("required").forEach(name -> required.add(name.asString()));
			now.path("required").forEach(name -> {
				if (!required.contains(name.asString())) {
					problems.add(where + ": new required field " + name.asString());
				}
			});
		}
		for (String name : old.path("properties").propertyNames()) {
			JsonNode newProperty = now.path("properties").path(name);
			if (newProperty.isMissingNode()) {
				problems.add(where + ": removed field " + name);
				continue;
			}
			compareSchema(where + "." + name, resolve(before, old.path("properties").path(name)),
					resolve(after, newProperty), request, seen);
		}
		if (old.has("items")) {
			compareSchema(where + "[]", resolve(before, old.path("items")), resolve(after, now.path("items")), request,
					seen);
		}
		if (old.path("additionalProperties").isObject() && now.path("additionalProperties").isObject()) {
			compareSchema(where + "{}", resolve(before, old.path("additionalProperties")),
					resolve(after, now.path("additionalProperties")), request, seen);
		}
	}

	private static JsonNode parameter(JsonNode operation, String name, String in) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("name").asString().equals(name) && parameter.path("in").asString().equals(in)) {
				return parameter;
			}
		}
		return null;
	}

	private static JsonNode jsonSchema(JsonNode bodyOrResponse) {
		JsonNode content = bodyOrResponse.path("content");
		for (String type : List.of("application/json", "*/*")) {
			if (content.path(type).has("schema")) {
				return content.path(type).path("schema");
			}
		}
		return null;
	}

	/** Follows {@code $ref} (and a one-element {@code allOf}) to the schema itself. */
	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		for (int depth = 0; depth < 20; depth++) {
			if (schema.has("$ref")) {
				String ref = schema.path("$ref").asString();
				schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
			}
			else if (schema.path("allOf").size() == 1) {
				schema = schema.path("allOf").path(0);
			}
			else {
				return schema;
			}
		}
		return schema;
	}

}
