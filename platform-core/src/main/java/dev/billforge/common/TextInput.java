package dev.billforge.common;

/**
 * The one rule for free text that comes from outside (names, reasons): a length bound
 * checked first, then no control characters (they corrupt logs, CSV exports and mail
 * headers). Returns the text stripped of surrounding white space.
 */
public final class TextInput {

	private TextInput() {
	}

	/**
	 * {@code text} stripped, or {@code null} when it is null or blank.
	 * @throws ProblemException {@code invalid_request} naming {@code field} when it is
	 * longer than {@code maxLength} or holds a control character
	 */
	public static String optional(String field, String text, int maxLength) {
		if (text == null) {
			return null;
		}
		if (text.length() > maxLength) {
			throw ProblemException.invalid(field, field + " may have at most " + maxLength + " characters");
		}
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				throw ProblemException.invalid(field, field + " may not contain control characters");
			}
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/** As {@link #optional}, but a missing or blank text is refused too. */
	public static String required(String field, String text, int maxLength) {
		String value = optional(field, text, maxLength);
		if (value == null) {
			throw ProblemException.invalid(field, field + " is required (at most " + maxLength + " characters)");
		}
		return value;
	}

}
