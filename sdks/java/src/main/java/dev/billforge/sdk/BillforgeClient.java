package dev.billforge.sdk;

import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Billforge API client: every operation of {@link GeneratedOperations}, authenticated
 * with an org API key (or the operator token), plus what the generated part cannot know:
 * <ul>
 * <li>usage events and holds without an idempotency key get a random one, kept across
 * retries, so a retried call is never charged twice;</li>
 * <li>429 and 503 are retried (the server did nothing), 502/504 and network errors too
 * where the call is idempotent; with exponential backoff and jitter, waiting at least
 * {@code Retry-After};</li>
 * <li>errors are {@link BillforgeException}s from the problem details;</li>
 * <li>{@link #withHold} reserves, runs the work and commits its actual cost, or releases
 * on failure.</li>
 * </ul>
 */
public class BillforgeClient extends GeneratedOperations {

	private static final Duration MAX_WAIT = Duration.ofSeconds(60);

	private final URI baseUrl;

	private final String apiKey;

	private final int maxRetries;

	private final Duration initialBackoff;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private BillforgeClient(Builder builder) {
		String base = Objects.requireNonNull(builder.baseUrl, "baseUrl");
		this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
		this.apiKey = Objects.requireNonNull(builder.apiKey, "apiKey");
		this.maxRetries = builder.maxRetries;
		this.initialBackoff = builder.initialBackoff;
		this.http = builder.http != null ? builder.http
				: HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public static final class Builder {

		private String baseUrl;

		private String apiKey;

		private int maxRetries = 3;

		private Duration initialBackoff = Duration.ofMillis(500);

		private HttpClient http;

		/** The product's origin, e.g. {@code https://docrouter.example.com}. */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * An org API key ({@code <tag>_sk_...}) or, for operator calls, the operator
		 * token.
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/** Retries after the first attempt (default 3). */
		public Builder maxRetries(int maxRetries) {
			this.maxRetries = Math.max(0, maxRetries);
			return this;
		}

		/** First backoff, doubled per retry (default 500 ms). */
		public Builder initialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
			return this;
		}

		public Builder httpClient(HttpClient http) {
			this.http = http;
			return this;
		}

		public BillforgeClient build() {
			return new BillforgeClient(this);
		}

	}

	/**
	 * A running hold inside {@link #withHold}: set the actual cost, or the held credits
	 * are charged.
	 */
	public static final class ActiveHold {

		private final Models.Hold hold;

		private BigDecimal actual;

		ActiveHold(Models.Hold hold) {
			this.hold = hold;
		}

		public String id() {
			return hold.id();
		}

		public BigDecimal credits() {
			return hold.credits();
		}

		public void actual(BigDecimal credits) {
			this.actual = credits;
		}

	}

	@FunctionalInterface
	public interface HoldWork<T, E extends Exception> {

		T run(ActiveHold hold) throws E;

	}

	/**
	 * Holds {@code credits}, runs {@code work} and commits what it set as
	 * {@link ActiveHold#actual} (the held credits when it set nothing); when the work
	 * throws, the hold is released and the exception rethrown. A 402
	 * {@link BillforgeException.CreditsDenied} means nothing ran.
	 */
	public <T, E extends Exception> T withHold(BigDecimal credits, HoldWork<T, E> work) throws E {
		Models.Hold hold = createHold(new Models.ReserveRequest(null, credits, null, null, null));
		ActiveHold active = new ActiveHold(hold);
		T result;
		try {
			result = work.run(active);
		}
		catch (Exception | Error failure) {
			try {
				releaseHold(hold.id());
			}
			catch (RuntimeException releaseFailed) {
				failure.addSuppressed(releaseFailed);
			}
			throw failure;
		}
		commitHold(hold.id(), new Models.CommitRequest(active.actual != null ? active.actual : hold.credits()));
		return result;
	}

	@Override
	protected <T> T invoke(String method, String path, Map<String, String> pathParams, Map<String, Object> query,
			Object body, RequestOptions options, Type type) {
		Object sent = withIdempotencyKeys(body);
		boolean idempotent = !method.equals("POST") || sent != body || options.idempotencyKey() != null || hasKey(sent);
		HttpRequest request = request(method, path, pathParams, query, sent, options);
		for (int attempt = 0;; attempt++) {
			HttpResponse<String> response;
			try {
				response = http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				if (idempotent && attempt < maxRetries) {
					sleep(backoff(attempt, null));
					continue;
				}
				throw new BillforgeException(0, "network_error", ex.getMessage(), null, null, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BillforgeException(0, "interrupted", "interrupted", null, null, ex);
			}
			int status = response.statusCode();
			boolean retriable = status == 429 || status == 503 || (idempotent && (status == 502 || status == 504));
			if (retriable && attempt < maxRetries) {
				sleep(backoff(attempt, response.headers().firstValue("Retry-After").orElse(null)));
				continue;
			}
			if (status >= 400 && !(status == 402 && path.equals("/api/v1/usage") && isJson(response))) {
				throw problem(response);
			}
			return json.readValue(response.body(), json.constructType(type));
		}
	}

	private static boolean isJson(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
	}

	private BillforgeException problem(HttpResponse<String> response) {
		Map<String, Object> problem = Map.of();
		try {
			problem = json.readValue(response.body(), new TypeReference<Map<String, Object>>() {
			});
		}
		catch (RuntimeException notJson) {
			// a proxy's HTML error page: keep the status
		}
		return BillforgeException.of(response.statusCode(), (String) problem.get("code"),
				(String) problem.get("detail"), (String) problem.get("field"), problem);
	}

	private HttpRequest request(String method, String path, Map<String, String> pathParams, Map<String, Object> query,
			Object body, RequestOptions options) {
		String resolved = path;
		for (Map.Entry<String, String> p : pathParams.entrySet()) {
			resolved = resolved.replace("{" + p.getKey() + "}",
					URLEncoder.encode(Objects.requireNonNull(p.getValue(), p.getKey()), StandardCharsets.UTF_8)
						.replace("+", "%20"));
		}
		StringBuilder url = new StringBuilder(baseUrl.toString()).append(resolved);
		char separator = '?';
		for (Map.Entry<String, Object> q : query.entrySet()) {
			if (q.getValue() != null) {
				url.append(separator)
					.append(q.getKey())
					.append('=')
					.append(URLEncoder.encode(q.getValue().toString(), StandardCharsets.UTF_8));
				separator = '&';
			}
		}
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.toString()))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + apiKey)
			.header("Accept", "application/json, application/problem+json");
		if (options.idempotencyKey() != null) {
			builder.header("Idempotency-Key", options.idempotencyKey());
		}
		if (body != null) {
			builder.header("Content-Type", "application/json");
			builder.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		else {
			builder.method(method, method.equals("POST") || method.equals("PUT")
					? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.noBody());
		}
		return builder.build();
	}

	/**
	 * Usage events and holds without a key get a random one (the same on every retry).
	 */
	private static Object withIdempotencyKeys(Object body) {
		if (body instanceof Models.UsageBatchRequest batch && batch.events() != null
				&& batch.events().stream().anyMatch(e -> e.idempotencyKey() == null)) {
			List<Models.UsageEvent> events = batch.events()
				.stream()
				.map(e -> e.idempotencyKey() != null ? e
						: new Models.UsageEvent(UUID.randomUUID().toString(), e.meter(), e.quantity(), e.occurredAt(),
								e.properties()))
				.toList();
			return new Models.UsageBatchRequest(events, batch.enforce());
		}
		if (body instanceof Models.ReserveRequest hold && hold.idempotencyKey() == null) {
			return new Models.ReserveRequest(UUID.randomUUID().toString(), hold.credits(), hold.meter(),
					hold.quantity(), hold.ttlSeconds());
		}
		return body;
	}

	private static boolean hasKey(Object body) {
		return body instanceof Models.UsageBatchRequest || body instanceof Models.ReserveRequest;
	}

	/**
	 * Exponential backoff with full jitter, but never shorter than the server's
	 * Retry-After.
	 */
	Duration backoff(int attempt, String retryAfter) {
		long cap = initialBackoff.toMillis() << Math.min(attempt, 16);
		long wait = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
		Duration server = retryAfter(retryAfter);
		if (server != null && server.toMillis() > wait) {
			wait = server.toMillis();
		}
		return Duration.ofMillis(Math.min(wait, MAX_WAIT.toMillis()));
	}

	static Duration retryAfter(String header) {
		if (header == null || header.isBlank() || header.length() > 64) {
			return null;
		}
		String value = header.trim();
		if (value.matches("[0-9]{1,6}")) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			Duration until = Duration.between(java.time.Instant.now(),
					ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return until.isNegative() ? Duration.ZERO : until;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BillforgeException(0, "interrupted", "interrupted while waiting to retry", null, null, ex);
		}
	}

}
