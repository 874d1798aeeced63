package dev.billforge.stripe.emulator.internal.http;

import dev.billforge.stripe.emulator.internal.store.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error answered in Stripe's shape:
 * {@code {"error":{"type","code","message","param"}}}.
 */
public final class ApiError extends RuntimeException {

	private final int status;

	private final String type;

	private final String code;

	private final String param;

	private final String declineCode;

	/**
	 * Objects Stripe attaches to a card error ({@code payment_intent},
	 * {@code payment_method}).
	 */
	private final ObjectNode attached = Json.obj();

	public ApiError(int status, String type, String code, String message, String param, String declineCode) {
		super(message);
		this.status = status;
		this.type = type;
		this.code = code;
		this.param = param;
		this.declineCode = declineCode;
	}

	public static ApiError invalid(String param, String message) {
		return new ApiError(400, "invalid_request_error", null, message, param, null);
	}

	public static ApiError invalid(String code, String param, String message) {
		return new ApiError(400, "invalid_request_error", code, message, param, null);
	}

	public static ApiError missingParam(String param) {
		return new ApiError(400, "invalid_request_error", "parameter_missing", "Missing required param: " + param + ".",
				param, null);
	}

	public static ApiError unknownParam(String param) {
		return new ApiError(400, "invalid_request_error", "parameter_unknown", "Received unknown parameter: " + param,
				param, null);
	}

	public static ApiError noSuch(String kind, String id) {
		return new ApiError(404, "invalid_request_error", "resource_missing", "No such " + kind + ": '" + id + "'",
				"id", null);
	}

	public static ApiError cardDeclined(String message) {
		return new ApiError(402, "card_error", "card_declined", message, null, "generic_decline");
	}

	/**
	 * A card error for a confirmation that failed: its code and what Stripe attaches to
	 * the error.
	 */
	public static ApiError card(String code, String declineCode, String message) {
		return new ApiError(402, "card_error", code, message, null, declineCode);
	}

	public ApiError attach(String field, tools.jackson.databind.JsonNode value) {
		attached.set(field, value);
		return this;
	}

	public int status() {
		return status;
	}

	public String type() {
		return type;
	}

	public ObjectNode body() {
		ObjectNode err = Json.obj();
		err.put("type", type);
		if (code != null) {
			err.put("code", code);
			err.put("doc_url", "https://docs.stripe.com/error-codes/" + code.replace('_', '-'));
		}
		err.put("message", getMessage());
		if (param != null) {
			err.put("param", param);
		}
		if (declineCode != null) {
			err.put("decline_code", declineCode);
		}
		err.setAll(attached);
		ObjectNode root = Json.obj();
		root.set("error", err);
		return root;
	}

}
