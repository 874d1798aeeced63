package dev.billforge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the abuse suites share: sending a request and timing it, the time a refusal may
 * take (a generous multiple of the median normal request in the same run, at least
 * {@link #FLOOR}, so a loaded machine does not fail it while a multi-second CPU burn
 * does), the checks on every answer, and a snapshot of the store to prove nothing was
 * written.
 */
public final class AbuseHarness {

	public static final Duration FLOOR = Duration.ofSeconds(2);

	public static final int MULTIPLE = 20;

	/** An answer as the suites judge it. */
	public record Answer(int status, String contentType, String location, String body, Duration elapsed) {

		public boolean isProblem() {
			return status / 100 == 4 && contentType.contains("application/problem+json") && body.contains("\"code\"");
		}

	}

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final int port;

	private final MongoTemplate mongo;

	private Duration limit = FLOOR;

	public AbuseHarness(int port, MongoTemplate mongo) {
		this.port = port;
		this.mongo = mongo;
	}

	/** Sends one request; {@code headers} are name, value pairs. */
	public Answer send(String method, String path, String contentType, byte[] body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		long started = System.nanoTime();
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("Location").orElse(null), response.body(), elapsed);
	}

	/**
	 * Measures normal requests (each sent {@code rounds} times) and sets the time a
	 * refusal may take.
	 */
	public Duration calibrate(int rounds, List<Callable<Answer>> normal) throws Exception {
		List<Duration> times = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			for (Callable<Answer> request : normal) {
				times.add(request.call().elapsed());
			}
		}
		times.sort(null);
		Duration median = times.get(times.size() / 2);
		Duration multiple = median.multipliedBy(MULTIPLE);
		limit = multiple.compareTo(FLOOR) > 0 ? multiple : FLOOR;
		return limit;
	}

	/** The answer to a hostile request: refused, under 500, no stack trace, in time. */
	public void assertRefused(String name, Answer answer, Predicate<Answer> refused) {
		String shown = name + " -> " + answer.status() + " " + answer.contentType() + " " + abbreviate(answer.body());
		assertThat(answer.status()).as(shown).isLessThan(500);
		assertThat(refused.test(answer)).as("refused: " + shown).isTrue();
		for (String leak : AbuseCorpus.LEAKS) {
			assertThat(answer.body()).as(shown).doesNotContain(leak);
		}
		assertThat(answer.elapsed())
			.as("%s answered within %s (%s x the median normal request, at least %s)", name, limit, MULTIPLE, FLOOR)
			.isLessThanOrEqualTo(limit);
	}

	/**
	 * Document counts of every collection (locks excepted) plus {@code extra} facts, such
	 * as a balance.
	 */
	public Map<String, Object> snapshot(Map<String, Object> extra) {
		Map<String, Object> state = new TreeMap<>(extra);
		for (String name : mongo.getCollectionNames()) {
			if (!name.toLowerCase().contains("lock")) {
				state.put(name, mongo.getCollection(name).countDocuments());
			}
		}
		return state;
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

}
