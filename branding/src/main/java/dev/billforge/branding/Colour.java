package dev.billforge.branding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An sRGB colour with 8 bits per channel, written as {@code #RRGGBB} (or {@code #RGB} on
 * input). Contrast maths follows WCAG 2.x; doubles are fine here because nothing is
 * money.
 */
public record Colour(int red, int green, int blue) {

	private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

	public static final Colour WHITE = new Colour(255, 255, 255);

	public static final Colour BLACK = new Colour(0, 0, 0);

	public Colour {
		checkChannel("red", red);
		checkChannel("green", green);
		checkChannel("blue", blue);
	}

	private static void checkChannel(String name, int value) {
		if (value < 0 || value > 255) {
			throw new IllegalArgumentException(name + " must be 0..255 but was " + value);
		}
	}

	/**
	 * Parses {@code #RGB} or {@code #RRGGBB}; empty when the text is not such a colour.
	 */
	public static Optional<Colour> tryParse(String text) {
		if (text == null || !HEX.matcher(text).matches()) {
			return Optional.empty();
		}
		String digits = text.substring(1);
		if (digits.length() == 3) {
			digits = new String(new char[] { digits.charAt(0), digits.charAt(0), digits.charAt(1), digits.charAt(1),
					digits.charAt(2), digits.charAt(2) });
		}
		int rgb = Integer.parseInt(digits, 16);
		return Optional.of(new Colour((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
	}

	/** Parses {@code #RGB} or {@code #RRGGBB}. */
	public static Colour parse(String text) {
		return tryParse(text).orElseThrow(
				() -> new IllegalArgumentException("\"" + text + "\" is not a colour (#RRGGBB or #RGB expected)"));
	}

	/** Upper-case {@code #RRGGBB}. */
	public String hex() {
		return String.format(Locale.ROOT, "#%02X%02X%02X", red, green, blue);
	}

	/**
	 * Relative luminance as defined by WCAG 2.x (0 for black, 1 for white). The threshold
	 * 0.04045 is the sRGB one; WCAG 2.0's 0.03928 gives identical results for 8-bit
	 * channels.
	 */
	public double relativeLuminance() {
		return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
	}

	private static double linear(int channel) {
		double c = channel / 255.0;
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	/**
	 * WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05) with L1 the lighter colour; 1..21.
	 */
	public double contrastWith(Colour other) {
		double a = relativeLuminance();
		double b = other.relativeLuminance();
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	/**
	 * Linear blend in sRGB space: {@code amount} 0 gives this colour, 1 gives
	 * {@code other}.
	 */
	public Colour mix(Colour other, double amount) {
		return new Colour(blend(red, other.red, amount), blend(green, other.green, amount),
				blend(blue, other.blue, amount));
	}

	private static int blend(int from, int to, double amount) {
		return (int) Math.round(from + (to - from) * amount);
	}

	@Override
	public String toString() {
		return hex();
	}
}
