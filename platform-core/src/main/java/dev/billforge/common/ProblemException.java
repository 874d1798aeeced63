package dev.billforge.common;

/**
 * A failure the caller caused or must know about, with an HTTP status and a stable error
 * code ({@code invalid_request}, {@code not_found}, {@code insufficient_credits}, ...).
 * Never carries a stack trace to the client.
 */
public class ProblemException extends RuntimeException {

	private final int status;

	private final String code;

	private final String field;

	public ProblemException(int status, String code, String message) {
		this(status, code, message, null);
	}

	public ProblemException(int status, String code, String message, String field) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.field = field;
	}

	public static ProblemException invalid(String field, String message) {
		return new ProblemException(400, "invalid_request", message, field);
	}

	public static ProblemException notFound(String what) {
		return new ProblemException(404, "not_found", what + " not found");
	}

	public static ProblemException conflict(String code, String message) {
		return new ProblemException(409, code, message);
	}

	public int status() {
		return status;
	}

	public String code() {
		return code;
	}

	public String field() {
		return field;
	}

}
