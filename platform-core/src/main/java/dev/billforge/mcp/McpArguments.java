package dev.billforge.mcp;

import java.util.Map;

import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;

/**
 * A tool call's arguments, read with bounds checked before use: texts by length and
 * without control characters, integers by digit count and range. A wrong type is an
 * {@code invalid_request}, never a class cast.
 */
public final class McpArguments {

	private final Map<String, Object> values;

	public McpArguments(Map<String, Object> values) {
		this.values = values == null ? Map.of() : values;
	}

	/** The raw value, for a handler that checks it itself. */
	public Object raw(String name) {
		return values.get(name);
	}

	/**
	 * A text of at most {@code maxLength} characters, stripped; null when absent or
	 * blank.
	 */
	public String string(String name, int maxLength) {
		Object value = values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw ProblemException.invalid(name, name + " must be a string");
		}
		return TextInput.optional(name, text, maxLength);
	}

	/** As {@link #string}, but required. */
	public String requiredString(String name, int maxLength) {
		String value = string(name, maxLength);
		if (value == null) {
			throw ProblemException.invalid(name, name + " is required");
		}
		return value;
	}

	/** A whole number in [min, max], or {@code fallback} when absent. */
	public long integer(String name, long fallback, long min, long max) {
		Object value = values.get(name);
		if (value == null) {
			return fallback;
		}
		long number;
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			number = ((Number) value).longValue();
		}
		else if (value instanceof String text && text.length() <= 19 && text.matches("-?[0-9]{1,18}")) {
			number = Long.parseLong(text);
		}
		else {
			throw ProblemException.invalid(name, name + " must be a whole number from " + min + " to " + max);
		}
		if (number < min || number > max) {
			throw ProblemException.invalid(name, name + " must be a whole number from " + min + " to " + max);
		}
		return number;
	}

}
