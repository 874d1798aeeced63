package dev.billforge.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny loopback client of the machine and operator API (java.net.http, HTTP/1.1). */
final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String base;

	ApiClient(int port) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.base = "http://127.0.0.1:" + port;
	}

	/** An org with an API key, created through the operator API. */
	record OrgKey(String orgId, String key) {
	}

	OrgKey createOrg(String name) {
		JsonNode org = expect(201, "POST", "/api/v1/operator/orgs", BenchApp.OPERATOR_TOKEN,
				"{\"name\":\"" + name + "\",\"timeZone\":\"UTC\"}");
		String orgId = org.get("id").asString();
		JsonNode key = expect(201, "POST", "/api/v1/operator/orgs/" + orgId + "/api-keys", BenchApp.OPERATOR_TOKEN,
				"{\"name\":\"bench\"}");
		return new OrgKey(orgId, key.get("key").asString());
	}

	HttpResponse<String> send(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Bearer " + token)
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * Sends and fails loudly on any other status: a benchmark that counts errors as work
	 * would lie.
	 */
	JsonNode expect(int status, String method, String path, String token, String body) {
		HttpResponse<String> response = send(method, path, token, body);
		if (response.statusCode() != status) {
			throw new IllegalStateException(method + " " + path + " returned " + response.statusCode() + ", expected "
					+ status + ": " + abbreviate(response.body()));
		}
		return JSON.readTree(response.body());
	}

	static JsonNode parse(String body) {
		return JSON.readTree(body);
	}

	private static String abbreviate(String text) {
		return text.length() > 500 ? text.substring(0, 500) + "..." : text;
	}

}
