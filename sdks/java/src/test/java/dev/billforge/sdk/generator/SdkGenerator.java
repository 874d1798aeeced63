package dev.billforge.sdk.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Writes the generated part of the three SDKs from {@code api/openapi.json}: the models
 * (TypeScript interfaces, Python TypedDicts, Java records) and one method per operation
 * that hands the call to the hand-written transport. Only the platform's API (the tags
 * below) is covered; a tenant's own endpoints (DocRouter's documents) are not part of the
 * SDKs. Output is deterministic (sorted), so {@code GeneratedSourcesTest} can compare it
 * with the checked-in files.
 */
public final class SdkGenerator {

	static final Set<String> TAGS = Set.of("usage", "entitlements", "ledger", "billing", "outcomes", "operator");

	static final String NOTICE = "Generated from api/openapi.json by SdkGenerator (sdks/java/src/test); do not edit.";

	// Every reserved word and literal: a property named like one is refused, not renamed,
	// because in
	// this API it has only ever meant a leaked Java type (a JsonNode's bean properties:
	// null, float ...).
	private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
			"final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
			"long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
			"strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
			"volatile", "while", "true", "false", "null", "_");

	private static final java.util.regex.Pattern JAVA_IDENTIFIER = java.util.regex.Pattern
		.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	private final JsonNode spec;

	private final List<Op> operations = new ArrayList<>();

	private final Map<String, JsonNode> schemas = new TreeMap<>();

	private final Set<String> requestSchemas = new TreeSet<>();

	record Param(String name, String in, boolean required, JsonNode schema) {
	}

	record Op(String id, String method, String path, String summary, List<Param> pathParams, List<Param> query,
			List<Param> headers, String body, boolean bodyRequired, JsonNode response) {
	}

	public SdkGenerator(JsonNode spec) {
		this.spec = spec;
		collect();
	}

	private void collect() {
		Map<String, Op> byId = new TreeMap<>();
		for (String path : spec.path("paths").propertyNames()) {
			JsonNode item = spec.path("paths").path(path);
			for (String method : item.propertyNames()) {
				JsonNode op = item.path(method);
				boolean platform = false;
				for (JsonNode tag : op.path("tags")) {
					platform |= TAGS.contains(tag.asString());
				}
				JsonNode response = successResponse(op);
				if (!platform || response == null) {
					continue;
				}
				List<Param> pathParams = new ArrayList<>();
				List<Param> query = new ArrayList<>();
				List<Param> headers = new ArrayList<>();
				for (JsonNode p : op.path("parameters")) {
					Param param = new Param(p.path("name").asString(), p.path("in").asString(),
							p.path("required").asBoolean(false), p.path("schema"));
					switch (param.in()) {
						case "path" -> pathParams.add(param);
						case "query" -> query.add(param);
						case "header" -> headers.add(param);
						default -> throw new IllegalStateException("unsupported parameter " + param);
					}
				}
				String body = null;
				JsonNode bodySchema = op.path("requestBody").path("content").path("application/json").path("schema");
				if (!bodySchema.isMissingNode()) {
					body = refName(bodySchema);
					requestSchemas.add(body);
				}
				byId.put(op.path("operationId").asString(),
						new Op(op.path("operationId").asString(), method.toUpperCase(Locale.ROOT), path,
								op.path("summary").asString(""), pathParams, query, headers, body,
								op.path("requestBody").path("required").asBoolean(false), response));
			}
		}
		operations.addAll(byId.values());
		for (Op op : operations) {
			if (op.body() != null) {
				reach(op.body(), true);
			}
			reachSchema(op.response(), false);
		}
		reach("Problem", false);
	}

	private static JsonNode successResponse(JsonNode op) {
		for (String status : List.of("200", "201")) {
			JsonNode schema = op.path("responses").path(status).path("content").path("application/json").path("schema");
			if (!schema.isMissingNode()) {
				return schema;
			}
		}
		return null;
	}

	private void reach(String name, boolean request) {
		if (request && !requestSchemas.add(name) && schemas.containsKey(name)) {
			return;
		}
		if (!request && schemas.containsKey(name)) {
			return;
		}
		JsonNode schema = spec.path("components").path("schemas").path(name);
		if (schema.isMissingNode()) {
			throw new IllegalStateException("no schema " + name);
		}
		schemas.put(name, schema);
		schema.path("properties").properties().forEach(p -> requireJavaName(name, p.getKey()));
		schema.path("properties").forEach(p -> reachSchema(p, request));
	}

	private static void requireJavaName(String schema, String property) {
		if (!JAVA_IDENTIFIER.matcher(property).matches() || JAVA_KEYWORDS.contains(property)) {
			throw new IllegalStateException("schema " + schema + " has a property '" + property
					+ "' that cannot be a Java record component (a keyword or not an identifier); an untyped "
					+ "object (JsonNode, Object) in the API usually leaks its bean properties like this: "
					+ "give it @Schema(implementation = ...)");
		}
	}

	private void reachSchema(JsonNode schema, boolean request) {
		if (schema.has("$ref")) {
			reach(refName(schema), request);
		}
		if (schema.has("items")) {
			reachSchema(schema.path("items"), request);
		}
		if (schema.path("additionalProperties").isObject()) {
			reachSchema(schema.path("additionalProperties"), request);
		}
	}

	private static String refName(JsonNode schema) {
		String ref = schema.path("$ref").asString();
		if (ref.isEmpty()) {
			throw new IllegalStateException("inline request bodies are not generated: " + schema);
		}
		return ref.substring(ref.lastIndexOf('/') + 1);
	}

	/** The generated files by path relative to the repository root. */
	public Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("sdks/typescript/src/generated.js", typeScriptOperations());
		files.put("sdks/typescript/src/generated.d.ts", typeScriptTypes());
		files.put("sdks/python/billforge/_generated.py", python());
		files.put("sdks/java/src/main/java/dev/billforge/sdk/Models.java", javaModels());
		files.put("sdks/java/src/main/java/dev/billforge/sdk/GeneratedOperations.java", javaOperations());
		return files;
	}

	// ---------------------------------------------------------------- TypeScript

	private String typeScriptOperations() {
		StringBuilder out = new StringBuilder("// " + NOTICE + "\n\n");
		out.append("/** Every operation: how to call it. The client turns each into a method of the same name. */\n");
		out.append("export const operations = Object.freeze({\n");
		for (Op op : operations) {
			out.append("  ")
				.append(op.id())
				.append(": { method: '")
				.append(op.method())
				.append("', path: '")
				.append(op.path())
				.append("', pathParams: ")
				.append(jsNames(op.pathParams()))
				.append(", query: ")
				.append(jsNames(op.query()))
				.append(", headers: ")
				.append(jsNames(op.headers()))
				.append(", body: ")
				.append(op.body() != null)
				.append(" },\n");
		}
		return out.append("});\n").toString();
	}

	private static String jsNames(List<Param> params) {
		return params.stream().map(p -> "'" + p.name() + "'").toList().toString();
	}

	private String typeScriptTypes() {
		StringBuilder out = new StringBuilder("// " + NOTICE + "\n\n");
		out.append("/** An exact decimal as a string, e.g. \"95.76\" (credit amounts are never floats). */\n");
		out.append("export type Decimal = string;\n\n");
		out.append(
				"export interface RequestOptions {\n  /** Sent as Idempotency-Key where the operation takes one. */\n"
						+ "  idempotencyKey?: string;\n  /** Cancels the call (and its retries). */\n  signal?: AbortSignal;\n}\n\n");
		schemas.forEach((name, schema) -> {
			doc(out, schema.path("description").asString(""), "");
			out.append("export interface ").append(name).append(" {\n");
			Set<String> required = required(schema);
			schema.path("properties").properties().forEach(e -> {
				doc(out, e.getValue().path("description").asString(""), "  ");
				// the client fills a missing idempotency key itself, so callers may leave
				// it out
				boolean optional = !required.contains(e.getKey())
						|| (requestSchemas.contains(name) && e.getKey().equals("idempotencyKey"));
				out.append("  ")
					.append(e.getKey())
					.append(optional ? "?: " : ": ")
					.append(tsType(e.getValue(), requestSchemas.contains(name)))
					.append(";\n");
			});
			out.append("}\n\n");
		});
		out.append(
				"/** The API's operations, one method each (generated). */\nexport interface GeneratedOperations {\n");
		for (Op op : operations) {
			doc(out, op.summary() + " (`" + op.method() + " " + op.path() + "`)", "  ");
			List<String> args = new ArrayList<>();
			op.pathParams().forEach(p -> args.add(p.name() + ": string"));
			if (op.body() != null) {
				args.add("body" + (op.bodyRequired() ? "" : "?") + ": " + op.body());
			}
			if (!op.query().isEmpty()) {
				boolean anyRequired = op.query().stream().anyMatch(Param::required);
				args.add("query" + (anyRequired ? "" : "?") + ": { "
						+ String.join("; ",
								op.query()
									.stream()
									.map(q -> q.name() + (q.required() ? "" : "?") + ": " + tsType(q.schema(), true))
									.toList())
						+ " }");
			}
			args.add("options?: RequestOptions");
			out.append("  ")
				.append(op.id())
				.append("(")
				.append(String.join(", ", args))
				.append("): Promise<")
				.append(tsType(op.response(), false))
				.append(">;\n");
		}
		return out.append("}\n").toString();
	}

	private String tsType(JsonNode schema, boolean request) {
		if (schema.has("$ref")) {
			return refName(schema);
		}
		String type = schema.path("type").asString("");
		return switch (type) {
			case "string" -> schema.has("enum") ? enumUnion(schema) + " | (string & {})"
					: "decimal".equals(schema.path("format").asString()) ? "Decimal"
							// the client sends a Date as its ISO string
							: request && "date-time".equals(schema.path("format").asString()) ? "string | Date"
									: "string";
			case "integer" -> "number";
			case "number" -> request ? "number | Decimal" : "number";
			case "boolean" -> "boolean";
			case "array" -> "Array<" + tsType(schema.path("items"), request) + ">";
			case "object" -> schema.path("additionalProperties").isObject()
					? "Record<string, " + tsType(schema.path("additionalProperties"), request) + ">"
					: "Record<string, unknown>";
			default -> "unknown";
		};
	}

	private static String enumUnion(JsonNode schema) {
		List<String> values = new ArrayList<>();
		schema.path("enum").forEach(v -> values.add("'" + v.asString() + "'"));
		return String.join(" | ", values);
	}

	private static void doc(StringBuilder out, String text, String indent) {
		if (!text.isBlank()) {
			out.append(indent).append("/** ").append(text.replace("*/", "*\\/").replace("\n", " ")).append(" */\n");
		}
	}

	private static Set<String> required(JsonNode schema) {
		Set<String> required = new TreeSet<>();
		schema.path("required").forEach(r -> required.add(r.asString()));
		return required;
	}

	// ---------------------------------------------------------------- Python

	private String python() {
		StringBuilder out = new StringBuilder("# " + NOTICE + "\n");
		out.append("from __future__ import annotations\n\nfrom decimal import Decimal\n"
				+ "from typing import Any, Dict, List, Optional, TypedDict, Union\n\n");
		schemas.forEach((name, schema) -> {
			List<String> keys = new ArrayList<>(schema.path("properties").propertyNames());
			if (keys.stream().anyMatch(PYTHON_KEYWORDS::contains)) {
				// a field named like a keyword (from) needs the functional form
				out.append("\n").append(name).append(" = TypedDict(\"").append(name).append("\", {");
				out.append(String.join(", ",
						schema.path("properties")
							.properties()
							.stream()
							.map(e -> "\"" + e.getKey() + "\": "
									+ pyType(e.getValue()).replaceAll("^([A-Z][A-Za-z]+)$", "\"$1\""))
							.toList()));
				out.append("}, total=False)\n\n");
				return;
			}
			out.append("\nclass ").append(name).append("(TypedDict, total=False):\n");
			String description = schema.path("description").asString("");
			out.append("    \"\"\"").append(description.isBlank() ? name : pyDoc(description)).append("\"\"\"\n\n");
			schema.path("properties").properties().forEach(e -> {
				out.append("    ").append(e.getKey()).append(": ").append(pyType(e.getValue())).append("\n");
				String doc = e.getValue().path("description").asString("");
				if (!doc.isBlank()) {
					out.append("    \"\"\"").append(pyDoc(doc)).append("\"\"\"\n");
				}
			});
			out.append("\n");
		});
		out.append("\nclass GeneratedOperations:\n    \"\"\"The API's operations, one method each.\"\"\"\n\n");
		out.append("    def _invoke(self, method: str, path: str, path_params: Dict[str, str], query: Dict[str, Any],\n"
				+ "                body: Any, options: Dict[str, Any]) -> Any:\n        raise NotImplementedError\n");
		for (Op op : operations) {
			List<String> args = new ArrayList<>(List.of("self"));
			op.pathParams().forEach(p -> args.add(snake(p.name()) + ": str"));
			if (op.body() != null) {
				args.add("body: " + (op.bodyRequired() ? op.body() : "Optional[" + op.body() + "] = None"));
			}
			args.add("*");
			for (Param q : op.query()) {
				args.add(pyName(q.name()) + ": "
						+ (q.required() ? pyType(q.schema()) : "Optional[" + pyType(q.schema()) + "] = None"));
			}
			args.add("idempotency_key: Optional[str] = None");
			out.append("\n    def ")
				.append(snake(op.id()))
				.append("(")
				.append(String.join(", ", args))
				.append(") -> ")
				.append(pyType(op.response()))
				.append(":\n");
			out.append("        \"\"\"")
				.append(pyDoc(op.summary()))
				.append(" (``")
				.append(op.method())
				.append(" ")
				.append(op.path())
				.append("``)\"\"\"\n");
			out.append("        return self._invoke(\"")
				.append(op.method())
				.append("\", \"")
				.append(op.path())
				.append("\", {");
			out.append(String.join(", ",
					op.pathParams().stream().map(p -> "\"" + p.name() + "\": " + snake(p.name())).toList()));
			out.append("}, {");
			out.append(String.join(", ",
					op.query().stream().map(q -> "\"" + q.name() + "\": " + pyName(q.name())).toList()));
			out.append("}, ")
				.append(op.body() != null ? "body" : "None")
				.append(", {\"idempotency_key\": idempotency_key})\n");
		}
		return out.toString();
	}

	private static String pyDoc(String text) {
		return text.replace("\\", "\\\\").replace("\"\"\"", "'''").replace("\n", " ");
	}

	private String pyType(JsonNode schema) {
		if (schema.has("$ref")) {
			return refName(schema);
		}
		return switch (schema.path("type").asString("")) {
			case "string" -> "str";
			case "integer" -> "int";
			case "number" -> "Union[int, Decimal, str]";
			case "boolean" -> "bool";
			case "array" -> "List[" + pyType(schema.path("items")) + "]";
			case "object" -> schema.path("additionalProperties").isObject()
					? "Dict[str, " + pyType(schema.path("additionalProperties")) + "]" : "Dict[str, Any]";
			default -> "Any";
		};
	}

	static String snake(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	private static final Set<String> PYTHON_KEYWORDS = Set.of("from", "import", "class", "def", "global", "in", "is",
			"not", "or", "and", "return", "with", "as", "if", "else", "elif", "for", "while", "pass", "lambda", "None",
			"True", "False", "try", "except", "finally", "raise", "del", "yield", "assert", "break", "continue",
			"nonlocal", "async", "await");

	private static String pyName(String name) {
		String snake = snake(name);
		return PYTHON_KEYWORDS.contains(snake) ? snake + "_" : snake;
	}

	// ---------------------------------------------------------------- Java

	private String javaModels() {
		StringBuilder out = new StringBuilder("// " + NOTICE + "\npackage dev.billforge.sdk;\n\n");
		out.append(
				"import java.math.BigDecimal;\nimport java.time.Instant;\nimport java.util.List;\nimport java.util.Map;\n\n");
		out.append("import com.fasterxml.jackson.annotation.JsonIgnoreProperties;\n"
				+ "import com.fasterxml.jackson.annotation.JsonInclude;\nimport com.fasterxml.jackson.annotation.JsonProperty;\n\n");
		out.append(
				"/**\n * The API's request and response bodies. Credit amounts are {@link BigDecimal} (exact); unknown\n"
						+ " * fields from a newer server are ignored; absent fields are null.\n */\npublic final class Models {\n\n"
						+ "\tprivate Models() {\n\t}\n");
		schemas.forEach((name, schema) -> {
			out.append("\n");
			String description = schema.path("description").asString("");
			out.append("\t/** ").append(description.isBlank() ? name : javaDoc(description)).append(" */\n");
			out.append("\t@JsonInclude(JsonInclude.Include.NON_NULL)\n\t@JsonIgnoreProperties(ignoreUnknown = true)\n");
			List<String> components = new ArrayList<>();
			schema.path("properties").properties().forEach(e -> {
				String doc = e.getValue().path("description").asString("");
				components.add((doc.isBlank() ? "" : "\t\t\t/** " + javaDoc(doc) + " */\n") + "\t\t\t@JsonProperty(\""
						+ e.getKey() + "\") " + javaType(e.getValue()) + " " + e.getKey());
			});
			out.append("\tpublic record ")
				.append(name)
				.append("(\n")
				.append(String.join(",\n", components))
				.append(") {\n");
			if (requestSchemas.contains(name)) {
				javaBuilder(out, name, schema);
			}
			out.append("\t}\n");
		});
		return out.append("\n}\n").toString();
	}

	/**
	 * Request records get a builder: their canonical constructor gains a parameter
	 * whenever the API gains a field, a builder call stays valid.
	 */
	private void javaBuilder(StringBuilder out, String name, JsonNode schema) {
		out.append("\n\t\t/** A builder: code using it keeps compiling when the API adds optional fields. */\n");
		out.append("\t\tpublic static Builder builder() {\n\t\t\treturn new Builder();\n\t\t}\n\n");
		out.append("\t\t/** Builds a {@link ").append(name).append("}; unset fields are absent (null). */\n");
		out.append("\t\tpublic static final class Builder {\n");
		List<String> fields = new ArrayList<>();
		schema.path("properties").properties().forEach(e -> {
			out.append("\n\t\t\tprivate ").append(javaType(e.getValue())).append(" ").append(e.getKey()).append(";\n");
			fields.add(e.getKey());
		});
		out.append("\n\t\t\tprivate Builder() {\n\t\t\t}\n");
		schema.path("properties")
			.properties()
			.forEach(e -> out.append("\n\t\t\tpublic Builder ")
				.append(e.getKey())
				.append("(")
				.append(javaType(e.getValue()))
				.append(" ")
				.append(e.getKey())
				.append(") {\n\t\t\t\tthis.")
				.append(e.getKey())
				.append(" = ")
				.append(e.getKey())
				.append(";\n\t\t\t\treturn this;\n\t\t\t}\n"));
		out.append("\n\t\t\tpublic ")
			.append(name)
			.append(" build() {\n\t\t\t\treturn new ")
			.append(name)
			.append("(")
			.append(String.join(", ", fields))
			.append(");\n\t\t\t}\n\n\t\t}\n\n");
	}

	private String javaOperations() {
		StringBuilder out = new StringBuilder("// " + NOTICE + "\npackage dev.billforge.sdk;\n\n");
		out.append(
				"import java.lang.reflect.Type;\nimport java.math.BigDecimal;\nimport java.time.Instant;\nimport java.util.LinkedHashMap;\nimport java.util.List;\nimport java.util.Map;\n\n");
		out.append("import tools.jackson.core.type.TypeReference;\n\n");
		out.append("/** The API's operations, one method each; {@link BillforgeClient} supplies the transport. */\n");
		out.append("public abstract class GeneratedOperations {\n\n");
		out.append(
				"\t/** Sends one call (with retries, auth and error mapping) and reads its answer as {@code type}. */\n");
		out.append("\tprotected abstract <T> T invoke(String method, String path, Map<String, String> pathParams,\n"
				+ "\t\t\tMap<String, Object> query, Object body, RequestOptions options, Type type);\n");
		for (Op op : operations) {
			List<String> params = new ArrayList<>();
			List<String> names = new ArrayList<>();
			op.pathParams().forEach(p -> {
				params.add("String " + p.name());
				names.add(p.name());
			});
			if (op.body() != null) {
				params.add("Models." + op.body() + " body");
				names.add("body");
			}
			op.query().forEach(q -> {
				params.add(javaType(q.schema()) + " " + q.name());
				names.add(q.name());
			});
			String result = javaType(op.response());
			out.append("\n\t/** ")
				.append(javaDoc(op.summary()))
				.append(" ({@code ")
				.append(op.method())
				.append(" ")
				.append(op.path().replace("{", "&#123;").replace("}", "&#125;"))
				.append("}). */\n");
			out.append("\tpublic ")
				.append(result)
				.append(" ")
				.append(op.id())
				.append("(")
				.append(String.join(", ", params))
				.append(") {\n\t\treturn ")
				.append(op.id())
				.append("(");
			List<String> call = new ArrayList<>(names);
			call.add("RequestOptions.none()");
			out.append(String.join(", ", call)).append(");\n\t}\n");
			List<String> withOptions = new ArrayList<>(params);
			withOptions.add("RequestOptions options");
			out.append("\n\t/** As {@link #").append(op.id()).append("}, with per-call options. */\n");
			out.append("\tpublic ")
				.append(result)
				.append(" ")
				.append(op.id())
				.append("(")
				.append(String.join(", ", withOptions))
				.append(") {\n");
			out.append("\t\tMap<String, String> path = new LinkedHashMap<>();\n");
			op.pathParams()
				.forEach(p -> out.append("\t\tpath.put(\"")
					.append(p.name())
					.append("\", ")
					.append(p.name())
					.append(");\n"));
			out.append("\t\tMap<String, Object> query = new LinkedHashMap<>();\n");
			op.query()
				.forEach(q -> out.append("\t\tquery.put(\"")
					.append(q.name())
					.append("\", ")
					.append(q.name())
					.append(");\n"));
			out.append("\t\treturn invoke(\"")
				.append(op.method())
				.append("\", \"")
				.append(op.path())
				.append("\", path, query, ")
				.append(op.body() != null ? "body" : "null")
				.append(", options, new TypeReference<")
				.append(result)
				.append(">() {\n\t\t}.getType());\n\t}\n");
		}
		return out.append("\n}\n").toString();
	}

	private String javaType(JsonNode schema) {
		if (schema.has("$ref")) {
			return "Models." + refName(schema);
		}
		String format = schema.path("format").asString("");
		return switch (schema.path("type").asString("")) {
			case "string" ->
				format.equals("date-time") ? "Instant" : format.equals("decimal") ? "BigDecimal" : "String";
			case "integer" -> format.equals("int64") ? "Long" : "Integer";
			case "number" -> "BigDecimal";
			case "boolean" -> "Boolean";
			case "array" -> "List<" + javaType(schema.path("items")) + ">";
			case "object" -> schema.path("additionalProperties").isObject()
					? "Map<String, " + javaType(schema.path("additionalProperties")) + ">" : "Map<String, Object>";
			default -> "Object";
		};
	}

	private static String javaDoc(String text) {
		return text.replace("*/", "*&#47;").replace("\n", " ").replace("@", "&#64;");
	}

}
