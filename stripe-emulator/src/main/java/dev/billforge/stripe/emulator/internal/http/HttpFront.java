package dev.billforge.stripe.emulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.billforge.stripe.emulator.Fault;
import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Entry point for every HTTP request. API requests ({@code /v1/...}) need a
 * {@code sk_test_} key; POSTs with an {@code Idempotency-Key} are answered from the
 * stored result when repeated. Everything that touches state runs under the emulator
 * lock; an injected delay is served after the lock is released.
 */
public final class HttpFront implements HttpHandler {

	private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());

	private static final String FAULTS_PATH = "/v1/test_helpers/faults";

	private final Core core;

	private final Router router;

	private final PageHandler pages;

	private final FaultInjector faults;

	public HttpFront(Core core, Router router, PageHandler pages, FaultInjector faults) {
		this.core = core;
		this.router = router;
		this.pages = pages;
		this.faults = faults;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			String query = exchange.getRequestURI().getRawQuery();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (path.startsWith("/v1/")) {
				api(exchange, method, path, query, body);
			}
			else {
				page(exchange, method, path, query, body);
			}
		}
		catch (RuntimeException e) {
			LOG.log(Level.WARNING, "emulator request failed", e);
		}
	}

	private void page(HttpExchange ex, String method, String path, String query, String body) throws IOException {
		FormParams form;
		try {
			form = FormParams.parse("POST".equals(method) ? body : query);
		}
		catch (ApiError e) {
			form = FormParams.empty();
		}
		core.lock().lock();
		try {
			core.requestContext(null, null);
			pages.handle(ex, method, path, form);
			core.store().persistIfDirty();
		}
		finally {
			core.lock().unlock();
		}
	}

	private void api(HttpExchange ex, String method, String path, String query, String body) throws IOException {
		String requestId = "req_" + core.store().randomToken(14);
		ex.getResponseHeaders().add("Request-Id", requestId);
		ex.getResponseHeaders().add("Stripe-Version", Core.API_VERSION);
		ApiError authError = authenticate(ex.getRequestHeaders().getFirst("Authorization"));
		if (authError == null && core.config().apiKey().isPresent()
				&& !core.config().apiKey().get().equals(bearer(ex.getRequestHeaders().getFirst("Authorization")))) {
			authError = new ApiError(401, "invalid_request_error", null,
					"Invalid API Key provided: "
							+ mask(String.valueOf(bearer(ex.getRequestHeaders().getFirst("Authorization")))),
					null, null);
		}
		if (authError != null) {
			send(ex, authError.status(), authError.body());
			return;
		}
		Fault fault = path.startsWith(FAULTS_PATH) ? null : faults.take(method, path);
		if (fault != null && fault.kind() == Fault.Kind.SERVER_ERROR) {
			send(ex, 500,
					new ApiError(500, "api_error", null, "An unexpected error occurred (injected fault).", null, null)
						.body());
			return;
		}
		if (fault != null && fault.kind() == Fault.Kind.RATE_LIMIT) {
			send(ex, 429,
					new ApiError(429, "rate_limit_error", "rate_limit",
							"Request rate limit exceeded " + "(injected fault). Retry with exponential backoff.", null,
							null)
						.body());
			return;
		}
		String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
		int status;
		JsonNode result;
		boolean replayed = false;
		core.lock().lock();
		try {
			core.requestContext(requestId, key);
			FormParams params = FormParams
				.parse("GET".equals(method) || "DELETE".equals(method) ? query : join(query, body));
			ObjectNode record = key == null || !"POST".equals(method) ? null : core.store().idempotencyRecord(key);
			if (record != null) {
				if (!method.equals(Json.str(record, "method")) || !path.equals(Json.str(record, "path"))
						|| !params.fingerprint().equals(Json.str(record, "fingerprint"))) {
					throw new ApiError(400, "idempotency_error", null, "Keys for idempotent requests can only be "
							+ "used with the same parameters they were first used with. Try using a key other than '"
							+ key + "' if you meant to execute a different request.", null, null);
				}
				status = (int) Json.lng(record, "status", 200);
				result = Json.read(Json.str(record, "body"));
				replayed = true;
			}
			else {
				Router.Match match = router.match(method, path);
				if (match == null) {
					throw new ApiError(404, "invalid_request_error", null,
							"Unrecognized request URL (" + method + ": " + path + ").", null, null);
				}
				try {
					result = match.handler()
						.handle(new ApiRequest(method, path, match.params(), params, params.stringList("expand")));
					status = 200;
				}
				catch (ApiError e) {
					if (e.status() != 402) {
						throw e;
					}
					status = 402;
					result = e.body();
				}
				if (key != null && "POST".equals(method)) {
					ObjectNode rec = Json.obj();
					rec.put("method", method);
					rec.put("path", path);
					rec.put("fingerprint", params.fingerprint());
					rec.put("status", status);
					rec.put("body", Json.write(result));
					rec.put("created", core.epoch(null));
					core.store().putIdempotencyRecord(key, rec, core.epoch(null));
				}
			}
		}
		catch (ApiError e) {
			status = e.status();
			result = e.body();
		}
		catch (ArithmeticException | NumberFormatException e) {
			status = 400;
			result = ApiError.invalid(null, "A number in the request is out of range or malformed.").body();
		}
		catch (RuntimeException e) {
			LOG.log(Level.WARNING, "emulator bug on " + method + " " + path, e);
			status = 500;
			result = new ApiError(500, "api_error", null, "Internal emulator error: " + e, null, null).body();
		}
		finally {
			try {
				core.store().persistIfDirty();
			}
			finally {
				core.requestContext(null, null);
				core.lock().unlock();
			}
		}
		if (fault != null && fault.kind() == Fault.Kind.DELAY) {
			sleep(fault.delay().toMillis());
		}
		if (key != null) {
			ex.getResponseHeaders().add("Idempotency-Key", key);
		}
		if (replayed) {
			ex.getResponseHeaders().add("Idempotent-Replayed", "true");
		}
		send(ex, status, result);
	}

	private static String join(String query, String body) {
		if (query == null || query.isEmpty()) {
			return body;
		}
		return body == null || body.isEmpty() ? query : query + "&" + body;
	}

	/** The API key from a Bearer or Basic authorization header, or null. */
	private static String bearer(String header) {
		if (header != null && header.startsWith("Bearer ")) {
			return header.substring(7).trim();
		}
		if (header != null && header.startsWith("Basic ")) {
			try {
				String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
						StandardCharsets.UTF_8);
				return decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
			}
			catch (IllegalArgumentException e) {
				return null;
			}
		}
		return null;
	}

	private static ApiError authenticate(String header) {
		String key = bearer(header);
		if (key == null || key.isEmpty()) {
			return new ApiError(401, "invalid_request_error", null, "You did not provide an API key. Provide it "
					+ "in the Authorization header as 'Bearer sk_test_...'.", null, null);
		}
		if (key.startsWith("sk_live_") || key.startsWith("rk_live_")) {
			return new ApiError(401, "invalid_request_error", "api_key_expired",
					"This is the Billforge Stripe "
							+ "emulator: it accepts only test-mode keys (sk_test_...) and never takes real payments.",
					null, null);
		}
		if (!key.startsWith("sk_test_") || key.length() <= "sk_test_".length()) {
			return new ApiError(401, "invalid_request_error", null, "Invalid API Key provided: " + mask(key), null,
					null);
		}
		return null;
	}

	private static String mask(String key) {
		return key.length() <= 8 ? "****" : key.substring(0, 8) + "*".repeat(Math.min(20, key.length() - 8));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
		byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().set("Content-Type", "application/json");
		ex.sendResponseHeaders(status, bytes.length);
		try (OutputStream os = ex.getResponseBody()) {
			os.write(bytes);
		}
	}

}
