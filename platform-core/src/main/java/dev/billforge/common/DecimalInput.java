package dev.billforge.common;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The one rule for decimal numbers that come from outside (API bodies, forms, catalog
 * files): the text is at most {@value #MAX_LENGTH} characters of ASCII digits, sign,
 * point and exponent, and the value has at most {@value #MAX_INTEGER_DIGITS} integer
 * digits and {@value #MAX_FRACTION_DIGITS} decimal places. Checked before any arithmetic,
 * because {@code BigDecimal} work (scaling, stripping zeros, printing) costs time that
 * grows with the digits and the exponent ({@code 1e100000} expands to 100,001 digits).
 * Together the bounds keep every value within 34 significant digits, so the store's
 * {@code Decimal128} holds it exactly.
 */
public final class DecimalInput {

	public static final int MAX_LENGTH = 64;

	public static final int MAX_INTEGER_DIGITS = 18;

	public static final int MAX_FRACTION_DIGITS = 16;

	private DecimalInput() {
	}

	/**
	 * The value of {@code text}, normalised (no trailing zeros, never a negative scale,
	 * {@code -0} is {@code 0}).
	 * @throws ProblemException {@code invalid_request} naming {@code field} when the text
	 * is not such a number
	 */
	public static BigDecimal parse(String field, String text) {
		return tryParse(text).orElseThrow(() -> ProblemException.invalid(field, message(field)));
	}

	/**
	 * The value of {@code text} as {@link #parse} gives it, or empty when it breaks the
	 * rule.
	 */
	public static Optional<BigDecimal> tryParse(String text) {
		if (text == null || text.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		String trimmed = text.strip();
		if (trimmed.isEmpty() || !plainAscii(trimmed)) {
			return Optional.empty();
		}
		BigDecimal value;
		try {
			// cheap at this length: the exponent only sets the scale, nothing is expanded
			// yet
			value = new BigDecimal(trimmed);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return bounded(value);
	}

	/**
	 * An already parsed value held to the same bounds (for numbers a JSON tree parsed).
	 */
	public static BigDecimal check(String field, BigDecimal value) {
		return bounded(value).orElseThrow(() -> ProblemException.invalid(field, message(field)));
	}

	/** The refusal text for {@code field}, for forms that show it instead of throwing. */
	public static String message(String field) {
		return field + " must be a decimal number with at most " + MAX_INTEGER_DIGITS + " integer digits and "
				+ MAX_FRACTION_DIGITS + " decimal places";
	}

	private static Optional<BigDecimal> bounded(BigDecimal value) {
		if (value.signum() == 0) {
			return Optional.of(BigDecimal.ZERO);
		}
		// precision() and scale() are read off the unscaled value; refuse before scaling
		// anything
		if (value.precision() > MAX_LENGTH) {
			return Optional.empty();
		}
		BigDecimal stripped = value.stripTrailingZeros();
		long scale = stripped.scale();
		long integerDigits = stripped.precision() - scale;
		if (integerDigits > MAX_INTEGER_DIGITS || scale > MAX_FRACTION_DIGITS) {
			return Optional.empty();
		}
		return Optional.of(scale < 0 ? stripped.setScale(0) : stripped);
	}

	/**
	 * Only what a decimal literal needs; {@code BigDecimal} would also take non-ASCII
	 * digits.
	 */
	private static boolean plainAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
				return false;
			}
		}
		return true;
	}

}
