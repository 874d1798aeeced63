package dev.billforge.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as people type it, normalised (trimmed, lower case) and bounded: at
 * most {@value #MAX_LENGTH} characters (RFC 5321's limit), checked before the pattern
 * runs. The pattern backtracks over the domain part, so an unbounded input ({@code x@}
 * and 60,000 dots) kept a request thread busy for seconds.
 */
public record EmailAddress(String value) {

	public static final int MAX_LENGTH = 254;

	private static final Pattern FORMAT = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	public EmailAddress {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a normalised email address");
		}
	}

	/**
	 * The address in {@code text}, or empty when it is not one (or is too long to be
	 * one).
	 */
	public static Optional<EmailAddress> parse(String text) {
		if (text == null || text.length() > MAX_LENGTH + 64) {
			return Optional.empty();
		}
		String normalised = text.strip().toLowerCase(Locale.ROOT);
		return isValid(normalised) ? Optional.of(new EmailAddress(normalised)) : Optional.empty();
	}

	private static boolean isValid(String value) {
		return value != null && value.length() <= MAX_LENGTH && FORMAT.matcher(value).matches();
	}

	@Override
	public String toString() {
		return value;
	}

}
