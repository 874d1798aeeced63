package dev.billforge.telemetry.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body within the size limit, which holds for the body as sent and again
 * for the decompressed body: the gzip stream is read only up to the limit plus one byte,
 * so a gzip bomb costs at most that much memory and is answered 413.
 */
final class OtlpBody {

	private OtlpBody() {
	}

	static byte[] read(InputStream raw, long declaredLength, String contentEncoding, long limit) throws IOException {
		if (declaredLength > limit) {
			throw OtlpRejection.tooLarge(limit);
		}
		String encoding = contentEncoding == null ? "identity"
				: contentEncoding.strip().toLowerCase(java.util.Locale.ROOT);
		return switch (encoding) {
			case "", "identity" -> readBounded(raw, limit);
			case "gzip", "x-gzip" -> gunzip(raw, limit);
			default -> throw new OtlpRejection(415, OtlpRejection.INVALID_ARGUMENT,
					"unsupported Content-Encoding " + encoding + "; send gzip or none");
		};
	}

	private static byte[] gunzip(InputStream raw, long limit) throws IOException {
		byte[] compressed = readBounded(raw, limit);
		try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
			return readBounded(in, limit);
		}
		catch (ZipException | java.io.EOFException ex) {
			throw OtlpRejection.invalid("body is not valid gzip");
		}
	}

	/** At most {@code limit} bytes; one more is a 413. */
	static byte[] readBounded(InputStream in, long limit) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		long total = 0;
		int n;
		while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total + 1))) > 0) {
			total += n;
			if (total > limit) {
				throw OtlpRejection.tooLarge(limit);
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

}
