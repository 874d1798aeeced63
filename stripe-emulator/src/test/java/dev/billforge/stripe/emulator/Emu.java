package dev.billforge.stripe.emulator;

import com.stripe.StripeClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A started emulator plus a real stripe-java client pointed at it. */
final class Emu implements AutoCloseable {

	final StripeEmulator emulator;

	final StripeClient stripe;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	Emu(StripeEmulator emulator) {
		this.emulator = emulator;
		this.stripe = StripeClient.builder().setApiKey("sk_test_emulator").setApiBase(emulator.baseUrl()).build();
	}

	static Emu start() {
		return start(EmulatorConfig.builder());
	}

	static Emu start(EmulatorConfig.Builder config) {
		return new Emu(StripeEmulator.start(config.webhookInitialBackoff(java.time.Duration.ofMillis(50)).build()));
	}

	StripeClient client(int readTimeoutMillis) {
		return StripeClient.builder()
			.setApiKey("sk_test_emulator")
			.setApiBase(emulator.baseUrl())
			.setReadTimeout(readTimeoutMillis)
			.build();
	}

	/** A browser-like form POST (no redirects followed). */
	HttpResponse<String> postForm(String url, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

	/** A raw API call with the test key, for emulator-only helpers. */
	HttpResponse<String> api(String method, String path, String form) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
			.header("Authorization", "Bearer sk_test_emulator")
			.header("Content-Type", "application/x-www-form-urlencoded");
		b = switch (method) {
			case "POST" -> b.POST(HttpRequest.BodyPublishers.ofString(form));
			case "DELETE" -> b.DELETE();
			default -> b.GET();
		};
		return send(b.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		emulator.close();
	}

}
