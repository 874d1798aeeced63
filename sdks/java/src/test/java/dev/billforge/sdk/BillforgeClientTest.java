package dev.billforge.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The hand-written layer against a scripted server: retries, idempotency keys, typed
 * errors.
 */
class BillforgeClientTest {

	record Scripted(int status, String retryAfter, String body) {
	}

	private final Deque<Scripted> script = new ArrayDeque<>();

	private final List<String> bodies = new ArrayList<>();

	private final List<Long> arrivals = new ArrayList<>();

	private HttpServer server;

	private BillforgeClient client() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			arrivals.add(System.nanoTime());
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			Scripted next = script.isEmpty() ? new Scripted(500, null, "{}") : script.poll();
			if (next.retryAfter() != null) {
				exchange.getResponseHeaders().add("Retry-After", next.retryAfter());
			}
			exchange.getResponseHeaders()
				.add("Content-Type", next.status() >= 400 ? "application/problem+json" : "application/json");
			byte[] body = next.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(next.status(), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		return BillforgeClient.builder()
			.baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
			.apiKey("doc_router_sk_test")
			.initialBackoff(Duration.ofMillis(10))
			.build();
	}

	@AfterEach
	void stop() {
		if (server != null) {
			server.stop(0);
		}
	}

	@Test
	void rateLimitedCallIsRetriedNoSoonerThanRetryAfter() throws Exception {
		BillforgeClient client = client();
		script.add(new Scripted(429, "1", "{\"status\":429,\"code\":\"rate_limited\"}"));
		script.add(new Scripted(200, null, "{\"creditName\":\"SPU\",\"available\":\"95.76\",\"held\":\"0\"}"));

		Models.Balance balance = client.getBalance();

		assertThat(balance.available()).isEqualByComparingTo("95.76");
		assertThat(arrivals).hasSize(2);
		assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void usageEventWithoutKeyGetsOneThatStaysTheSameAcrossRetries() throws Exception {
		BillforgeClient client = client();
		script.add(new Scripted(503, "0", "{\"status\":503,\"code\":\"ledger_unavailable\"}"));
		script.add(new Scripted(502, null, ""));
		script.add(new Scripted(200, null, "{\"results\":[{\"status\":\"recorded\",\"credits\":\"3\"}]}"));

		client.recordUsage(Models.UsageBatchRequest.builder()
			.events(List.of(Models.UsageEvent.builder().meter("page").quantity(new BigDecimal("3")).build()))
			.build());

		assertThat(bodies).hasSize(3);
		String key = bodies.get(0).replaceAll(".*\"idempotencyKey\":\"([^\"]+)\".*", "$1");
		assertThat(key).matches("[0-9a-f-]{36}");
		assertThat(bodies).allSatisfy(body -> assertThat(body).contains("\"idempotencyKey\":\"" + key + "\""));
		assertThat(bodies.get(0)).contains("\"meter\":\"page\"", "\"quantity\":3").doesNotContain("enforce");
	}

	@Test
	void nonIdempotentCallIsNotRepeatedAfterABadGateway() throws Exception {
		BillforgeClient client = client();
		script.add(new Scripted(502, null, "<html>bad gateway</html>"));

		assertThatThrownBy(() -> client.createOrg(new Models.CreateOrg("Acme", null)))
			.isInstanceOf(BillforgeException.class)
			.satisfies(e -> assertThat(((BillforgeException) e).status()).isEqualTo(502));
		assertThat(bodies).hasSize(1);
	}

	@Test
	void problemDetailsBecomeTypedErrorsWithTheirCodeAndField() throws Exception {
		BillforgeClient client = client();
		script.add(new Scripted(402, null,
				"{\"status\":402,\"code\":\"insufficient_credits\",\"detail\":\"not enough credits for 40\"}"));
		script.add(new Scripted(400, null,
				"{\"status\":400,\"code\":\"invalid_request\",\"field\":\"credits\",\"detail\":\"credits must be greater than 0\"}"));

		assertThatThrownBy(
				() -> client.createHold(new Models.ReserveRequest("job-1", new BigDecimal("40"), null, null, null)))
			.isInstanceOf(BillforgeException.CreditsDenied.class)
			.hasMessage("not enough credits for 40");
		assertThatThrownBy(() -> client.checkEntitlement(new Models.CheckRequest(BigDecimal.ZERO, null, null, null)))
			.isInstanceOfSatisfying(BillforgeException.InvalidRequest.class,
					e -> assertThat(e.field()).isEqualTo("credits"));
		assertThat(bodies).hasSize(2);
	}

	@Test
	void retryAfterIsReadAsSecondsOrHttpDate() {
		assertThat(BillforgeClient.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
		assertThat(BillforgeClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
		assertThat(BillforgeClient.retryAfter("soon")).isNull();
	}

}
