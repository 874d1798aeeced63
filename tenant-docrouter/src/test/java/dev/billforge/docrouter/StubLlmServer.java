package dev.billforge.docrouter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local OpenAI-compatible endpoint: {@code POST /v1/chat/completions} answers with a
 * realistic chat completion whose {@code usage} the test sets, or fails the way the test
 * says.
 */
final class StubLlmServer implements AutoCloseable {

	/** What the next calls answer. */
	record Answer(int status, String content, Long promptTokens, Long completionTokens) {

		static Answer json(String content, long promptTokens, long completionTokens) {
			return new Answer(200, content, promptTokens, completionTokens);
		}

		static Answer failure(int status) {
			return new Answer(status, null, null, null);
		}

	}

	private final HttpServer server;

	private final AtomicReference<Answer> answer = new AtomicReference<>(
			Answer.json("{\"invoiceNumber\":\"INV-7\"}", 100, 10));

	private final List<String> requests = new CopyOnWriteArrayList<>();

	StubLlmServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/chat/completions", this::handle);
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
	}

	void answer(Answer next) {
		answer.set(next);
	}

	List<String> requests() {
		return requests;
	}

	private void handle(HttpExchange exchange) throws IOException {
		requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Answer a = answer.get();
		String body;
		if (a.status() != 200) {
			body = "{\"error\":{\"message\":\"upstream model overloaded\",\"type\":\"server_error\",\"code\":null}}";
		}
		else {
			String usage = a.promptTokens() == null ? "" : """
					,"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,
					"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}"""
				.formatted(a.promptTokens(), a.completionTokens(), a.promptTokens() + a.completionTokens());
			body = """
					{"id":"chatcmpl-stub-%d","object":"chat.completion","created":1764201600,"model":"test-model-2026-11-01",
					"choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},
					"logprobs":null,"finish_reason":"stop"}]%s,"system_fingerprint":"fp_stub"}"""
				.formatted(requests.size(), quote(a.content()), usage);
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(a.status(), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
