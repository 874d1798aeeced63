package dev.billforge.telemetry.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.google.protobuf.MessageLite;

/**
 * SHA-256 over protobuf encodings, the identity of log records and data points (which
 * have no id of their own): the same record sent again — in JSON or protobuf — has the
 * same hash.
 */
final class ContentHash {

	private final MessageDigest digest;

	ContentHash() {
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	ContentHash add(MessageLite part) {
		byte[] bytes = part.toByteArray();
		digest.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
				(byte) (bytes.length >>> 8), (byte) bytes.length });
		digest.update(bytes);
		return this;
	}

	ContentHash add(String part) {
		return add(com.google.protobuf.StringValue.of(part));
	}

	/** The SHA-256 of one text, e.g. a session id as a bounded usage key. */
	static String sha256(String text) {
		return new ContentHash().add(text).hex();
	}

	String hex() {
		return HexFormat.of().formatHex(digest.digest());
	}

}
