package dev.billforge.docrouter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tenant under test. */
final class Api {

	static final String OPERATOR = "docrouter-test-operator-token-0123456789";

	record Response(int status, String contentType, JsonNode body, String raw) {
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final JsonMapper json;

	Api(int port, JsonMapper json) {
		this.port = port;
		this.json = json;
	}

	/** An org and one of its API keys. */
	record Org(String id, String key) {
	}

	/** A new org (100 SPU free) and its API key. */
	Org newOrg() throws Exception {
		Response org = send("POST", "/api/v1/operator/orgs", OPERATOR, "application/json",
				"{\"name\":\"Org\"}".getBytes(), null);
		String id = org.body().get("id").asString();
		Response key = send("POST", "/api/v1/operator/orgs/" + id + "/api-keys", OPERATOR, "application/json",
				"{}".getBytes(), null);
		return new Org(id, key.body().get("key").asString());
	}

	String newOrgKey() throws Exception {
		return newOrg().key();
	}

	/** A multipart body with one file part; returns {content type, body}. */
	static Object[] multipart(String fileName, byte[] content) throws IOException {
		String boundary = "----docrouter" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Object[] { "multipart/form-data; boundary=" + boundary, body.toByteArray() };
	}

	/** A browser request: the test's org header instead of a sign-in. */
	Response get(String path, String key) throws Exception {
		return send("GET", path, key, null, null, null);
	}

	Response postJson(String path, String key, String body) throws Exception {
		return send("POST", path, key, "application/json", body.getBytes(StandardCharsets.UTF_8), null);
	}

	Response upload(String key, String fileName, byte[] content, String query, String idempotencyKey) throws Exception {
		Object[] multipart = multipart(fileName, content);
		return send("POST", "/api/v1/documents" + (query == null ? "" : "?" + query), key, (String) multipart[0],
				(byte[]) multipart[1], idempotencyKey);
	}

	String balance(String key) throws Exception {
		return get("/api/v1/balance", key).body().get("available").asString();
	}

	String held(String key) throws Exception {
		return get("/api/v1/balance", key).body().get("held").asString();
	}

	Response send(String method, String path, String key, String contentType, byte[] body, String idempotencyKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		request.header("Accept", "application/json, application/problem+json, text/event-stream");
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode node = null;
		String raw = response.body();
		if (raw != null && (raw.startsWith("{") || raw.startsWith("["))) {
			node = json.readTree(raw);
		}
		return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), node, raw);
	}

}
