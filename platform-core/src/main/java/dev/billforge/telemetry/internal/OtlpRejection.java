package dev.billforge.telemetry.internal;

/**
 * A request the receiver refuses as a whole, answered with {@code status} and a
 * {@code google.rpc.Status} body; nothing of it is stored or charged. Only
 * 429/502/503/504 make OTLP exporters retry, so everything here that a retry cannot fix
 * uses another code.
 */
final class OtlpRejection extends RuntimeException {

	/** google.rpc.Code values used in the body. */
	static final int INVALID_ARGUMENT = 3;

	static final int UNAUTHENTICATED = 16;

	static final int RESOURCE_EXHAUSTED = 8;

	static final int FAILED_PRECONDITION = 9;

	private final int status;

	private final int rpcCode;

	OtlpRejection(int status, int rpcCode, String message) {
		super(message, null, false, false);
		this.status = status;
		this.rpcCode = rpcCode;
	}

	static OtlpRejection invalid(String message) {
		return new OtlpRejection(400, INVALID_ARGUMENT, message);
	}

	static OtlpRejection tooLarge(long limit) {
		return new OtlpRejection(413, INVALID_ARGUMENT,
				"request body is larger than " + limit + " bytes (after decompression)");
	}

	int status() {
		return status;
	}

	int rpcCode() {
		return rpcCode;
	}

}
