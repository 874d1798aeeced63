package dev.billforge.billing.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test helper: the emulator's events as raw JSON (oldest first), and Stripe-style
 * signatures.
 */
final class StripeEvents {

	private StripeEvents() {
	}

	static List<JsonNode> all(StripeBackend backend, JsonMapper json) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<JsonNode> events = new ArrayList<>();
		String after = null;
		while (true) {
			String url = backend.apiBase() + "/v1/events?limit=100" + (after == null ? "" : "&starting_after=" + after);
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + backend.secretKey())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode page = json.readTree(response.body());
			page.get("data").forEach(events::add);
			if (!page.get("has_more").asBoolean() || page.get("data").isEmpty()) {
				break;
			}
			after = page.get("data").get(page.get("data").size() - 1).get("id").asString();
		}
		Collections.reverse(events);
		return events;
	}

	/** A {@code Stripe-Signature} header for {@code payload}, as Stripe computes it. */
	static String sign(String payload, String secret, long timestamp) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
		return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
	}

}
