package dev.billforge.docrouter.documents.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.billforge.docrouter.documents.ContentKind;

/**
 * Decides what an upload is from its first bytes (magic numbers), never from its name: a
 * program renamed {@code invoice.pdf} is still a program. Text must be valid UTF-8
 * without control bytes.
 */
public final class ContentSniffer {

	private ContentSniffer() {
	}

	public static Optional<ContentKind> sniff(byte[] bytes) {
		if (startsWith(bytes, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(ContentKind.PDF);
		}
		if (startsWith(bytes, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
			return Optional.of(ContentKind.PNG);
		}
		if (startsWith(bytes, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of(ContentKind.JPEG);
		}
		if (startsWith(bytes, 0, "GIF87a".getBytes(StandardCharsets.US_ASCII))
				|| startsWith(bytes, 0, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(ContentKind.GIF);
		}
		if (startsWith(bytes, 0, new byte[] { 'I', 'I', 42, 0 })
				|| startsWith(bytes, 0, new byte[] { 'M', 'M', 0, 42 })) {
			return Optional.of(ContentKind.TIFF);
		}
		if (startsWith(bytes, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
				&& startsWith(bytes, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(ContentKind.WEBP);
		}
		return isText(bytes) ? Optional.of(ContentKind.TEXT) : Optional.empty();
	}

	/** A short readable name for what the bytes look like, for error messages. */
	public static String describe(byte[] bytes) {
		if (startsWith(bytes, 0, new byte[] { 'M', 'Z' })) {
			return "a Windows program";
		}
		if (startsWith(bytes, 0, new byte[] { 0x7f, 'E', 'L', 'F' })) {
			return "a Linux program";
		}
		if (startsWith(bytes, 0, new byte[] { 'P', 'K', 3, 4 })) {
			return "a ZIP archive (or an Office document)";
		}
		return "binary data of an unknown type";
	}

	private static boolean isText(byte[] bytes) {
		for (byte b : bytes) {
			// NUL and other C0 controls other than tab, LF, FF, CR do not occur in text
			// documents
			if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
