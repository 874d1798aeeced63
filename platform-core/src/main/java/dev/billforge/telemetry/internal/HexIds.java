package dev.billforge.telemetry.internal;

import java.util.HexFormat;

import com.google.protobuf.ByteString;

/**
 * Trace and span ids: checked for length and for the all-zero invalid id, written as
 * lower-case hex.
 */
final class HexIds {

	private HexIds() {
	}

	static String traceId(ByteString id, String where) {
		return required(id, 16, "traceId", where);
	}

	static String spanId(ByteString id, String where) {
		return required(id, 8, "spanId", where);
	}

	/** An optional id (a parent span, a log record's trace context): empty, or valid. */
	static String optional(ByteString id, int bytes, String field, String where) {
		return id.isEmpty() ? "" : required(id, bytes, field, where);
	}

	private static String required(ByteString id, int bytes, String field, String where) {
		if (id.size() != bytes) {
			throw OtlpRejection.invalid(where + ": " + field + " must be " + bytes + " bytes (" + bytes * 2
					+ " hex digits), got " + id.size());
		}
		boolean zero = true;
		for (int i = 0; i < bytes && zero; i++) {
			zero = id.byteAt(i) == 0;
		}
		if (zero) {
			throw OtlpRejection.invalid(where + ": " + field + " is all zeros, which is invalid");
		}
		return HexFormat.of().formatHex(id.toByteArray());
	}

}
