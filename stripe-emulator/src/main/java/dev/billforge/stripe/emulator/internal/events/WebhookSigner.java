package dev.billforge.stripe.emulator.internal.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature:
 * {@code t=<unix>,v1=hex(HMAC-SHA256(secret, t + "." + body))}.
 */
public final class WebhookSigner {

	private WebhookSigner() {
	}

	public static String header(String secret, long timestamp, String body) {
		return "t=" + timestamp + ",v1=" + hmacHex(secret, timestamp + "." + body);
	}

	static String hmacHex(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
			StringBuilder sb = new StringBuilder();
			for (byte b : digest) {
				sb.append(String.format("%02x", b));
			}
			return sb.toString();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

}
