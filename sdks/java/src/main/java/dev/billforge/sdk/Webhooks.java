package dev.billforge.sdk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Billforge's signed org webhooks: header
 * {@code Billforge-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]}, each {@code v1} an
 * HMAC-SHA256 of {@code "<t>.<raw body>"} with one of the org's webhook secrets (two
 * during a rotation). Verify the raw body bytes as received, before parsing them.
 */
public final class Webhooks {

	/** How far the signature's time may be from now by default. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	private Webhooks() {
	}

	/** The webhook signature did not verify. */
	public static final class InvalidSignature extends RuntimeException {

		InvalidSignature(String message) {
			super(message);
		}

	}

	public static void verify(String body, String signatureHeader, String secret) {
		verify(body, signatureHeader, List.of(secret), DEFAULT_TOLERANCE, Instant.now());
	}

	/**
	 * Throws {@link InvalidSignature} unless one {@code v1} matches one secret within the
	 * tolerance.
	 */
	public static void verify(String body, String signatureHeader, List<String> secrets, Duration tolerance,
			Instant now) {
		if (signatureHeader == null || signatureHeader.length() > 4096) {
			throw new InvalidSignature("missing or oversized Billforge-Signature header");
		}
		Long timestamp = null;
		List<String> signatures = new java.util.ArrayList<>();
		for (String part : signatureHeader.split(",")) {
			String[] kv = part.trim().split("=", 2);
			if (kv.length != 2) {
				continue;
			}
			if (kv[0].equals("t") && kv[1].matches("[0-9]{1,12}")) {
				timestamp = Long.parseLong(kv[1]);
			}
			else if (kv[0].equals("v1")) {
				signatures.add(kv[1]);
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			throw new InvalidSignature("Billforge-Signature needs t= and v1=");
		}
		if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
			throw new InvalidSignature("signature timestamp outside the tolerance");
		}
		byte[] message = (timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
		for (String secret : secrets) {
			byte[] expected = HexFormat.of().formatHex(hmac(secret, message)).getBytes(StandardCharsets.US_ASCII);
			for (String signature : signatures) {
				if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
					return;
				}
			}
		}
		throw new InvalidSignature("no signature matches");
	}

	private static byte[] hmac(String secret, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
