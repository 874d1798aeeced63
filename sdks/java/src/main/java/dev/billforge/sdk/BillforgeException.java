package dev.billforge.sdk;

import java.util.Map;

/**
 * An API error from its RFC 9457 problem details: branch on {@link #code()} (stable) or
 * catch a subclass. A transport failure after the last retry is a
 * {@code BillforgeException} with status 0 and code {@code network_error}.
 */
public class BillforgeException extends RuntimeException {

	private final int status;

	private final String code;

	private final String field;

	private final Map<String, Object> problem;

	public BillforgeException(int status, String code, String detail, String field, Map<String, Object> problem,
			Throwable cause) {
		super(detail == null ? code : detail, cause);
		this.status = status;
		this.code = code;
		this.field = field;
		this.problem = problem == null ? Map.of() : Map.copyOf(problem);
	}

	public int status() {
		return status;
	}

	public String code() {
		return code;
	}

	/** The refused request field, for {@code invalid_request}; else null. */
	public String field() {
		return field;
	}

	/** The whole problem document. */
	public Map<String, Object> problem() {
		return problem;
	}

	/** The typed error for a problem: by code first, then by status. */
	static BillforgeException of(int status, String code, String detail, String field, Map<String, Object> problem) {
		String c = code == null ? "http_" + status : code;
		return switch (c) {
			case "insufficient_credits", "cap_reached", "account_blocked" ->
				new CreditsDenied(status, c, detail, field, problem);
			case "rate_limited", "throttled", "too_many_holds" -> new RateLimited(status, c, detail, field, problem);
			case "invalid_request" -> new InvalidRequest(status, c, detail, field, problem);
			case "unauthorized", "forbidden", "role_required" ->
				new AuthenticationFailed(status, c, detail, field, problem);
			case "not_found" -> new NotFound(status, c, detail, field, problem);
			default -> status == 409 ? new Conflict(status, c, detail, field, problem)
					: new BillforgeException(status, c, detail, field, problem, null);
		};
	}

	/** 402: not enough credits, a hard cap reached, or the account blocked. */
	public static final class CreditsDenied extends BillforgeException {

		CreditsDenied(int status, String code, String detail, String field, Map<String, Object> problem) {
			super(status, code, detail, field, problem, null);
		}

	}

	/** 429 after the retries ran out. */
	public static final class RateLimited extends BillforgeException {

		RateLimited(int status, String code, String detail, String field, Map<String, Object> problem) {
			super(status, code, detail, field, problem, null);
		}

	}

	/** 400: bad input; {@link #field()} names it. */
	public static final class InvalidRequest extends BillforgeException {

		InvalidRequest(int status, String code, String detail, String field, Map<String, Object> problem) {
			super(status, code, detail, field, problem, null);
		}

	}

	/** 401/403: a missing, wrong or revoked key, or not allowed. */
	public static final class AuthenticationFailed extends BillforgeException {

		AuthenticationFailed(int status, String code, String detail, String field, Map<String, Object> problem) {
			super(status, code, detail, field, problem, null);
		}

	}

	/** 404. */
	public static final class NotFound extends BillforgeException {

		NotFound(int status, String code, String detail, String field, Map<String, Object> problem) {
			super(status, code, detail, field, problem, null);
		}

	}

	/** 409: e.g. {@code idempotency_conflict}, {@code reservation_closed}. */
	public static final class Conflict extends BillforgeException {

		Conflict(int status, String code, String detail, String field, Map<String, Object> problem) {
			super(status, code, detail, field, problem, null);
		}

	}

}
