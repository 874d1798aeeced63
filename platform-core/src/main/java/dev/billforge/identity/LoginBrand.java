package dev.billforge.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Brand values the Keycloak login theme is derived from.
 *
 * @param productName shown as the realm's display name and in the theme
 * @param primaryColor #RGB or #RRGGBB
 * @param logoSvg SVG document text, or null for a text-only header
 * @param style the full palette and fonts of a brand pack, or null to style from the
 * primary colour alone
 */
public record LoginBrand(String productName, String primaryColor, String logoSvg, Style style) {

	private static final Pattern HEX_COLOUR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

	/**
	 * The brand pack's font rule (families, commas, quotes): nothing that can leave a CSS
	 * declaration.
	 */
	private static final Pattern FONT_STACK = Pattern.compile("[\\p{L}\\p{N} ,\"'._-]+");

	private static final int MAX_LOGO_CHARS = 256 * 1024;

	/**
	 * A brand from the product name, one colour and an optional logo (no palette or
	 * fonts).
	 */
	public LoginBrand(String productName, String primaryColor, String logoSvg) {
		this(productName, primaryColor, logoSvg, null);
	}

	public LoginBrand {
		if (productName == null || productName.isBlank()) {
			throw new IllegalArgumentException("Login brand: product name is empty");
		}
		productName = productName.strip();
		primaryColor = colour("primary colour", primaryColor);
		if (logoSvg != null && logoSvg.isBlank()) {
			logoSvg = null;
		}
		if (logoSvg != null) {
			String lower = logoSvg.toLowerCase(Locale.ROOT);
			if (!lower.contains("<svg")) {
				throw new IllegalArgumentException("Login brand: logo is not an SVG document (no <svg> element)");
			}
			if (lower.contains("<script") || lower.contains("javascript:")) {
				throw new IllegalArgumentException("Login brand: logo SVG must not contain scripts");
			}
			if (logoSvg.length() > MAX_LOGO_CHARS) {
				throw new IllegalArgumentException("Login brand: logo SVG is larger than 256 KiB");
			}
		}
	}

	/**
	 * Palette (light and dark mode) and fonts of the login pages.
	 *
	 * @param light colours in light mode
	 * @param dark colours when Keycloak shows its dark mode
	 * @param bodyFont CSS font-family stack of text
	 * @param headingFont CSS font-family stack of headings
	 */
	public record Style(Colours light, Colours dark, String bodyFont, String headingFont) {

		public Style {
			Objects.requireNonNull(light, "light");
			Objects.requireNonNull(dark, "dark");
			bodyFont = font("body font", bodyFont);
			headingFont = font("heading font", headingFont);
		}
	}

	/**
	 * The colours of one mode, each #RGB or #RRGGBB (normalised to upper-case #RRGGBB).
	 */
	public record Colours(String background, String surface, String text, String mutedText, String border,
			String primary, String onPrimary, String accent) {

		public Colours {
			background = colour("background", background);
			surface = colour("surface", surface);
			text = colour("text", text);
			mutedText = colour("muted text", mutedText);
			border = colour("border", border);
			primary = colour("primary", primary);
			onPrimary = colour("on-primary", onPrimary);
			accent = colour("accent", accent);
		}
	}

	private static String colour(String what, String value) {
		if (value == null || !HEX_COLOUR.matcher(value.strip()).matches()) {
			throw new IllegalArgumentException(
					"Login brand: " + what + " must be #RGB or #RRGGBB, got '" + value + "'");
		}
		return normalise(value.strip());
	}

	private static String font(String what, String value) {
		if (value == null || value.isBlank() || !FONT_STACK.matcher(value).matches()) {
			throw new IllegalArgumentException("Login brand: " + what + " must be a font-family list "
					+ "(letters, digits, spaces, quotes, commas, dots, hyphens), got '" + value + "'");
		}
		return value.strip();
	}

	/** #abc → #AABBCC, so equal colours give equal theme files. */
	private static String normalise(String colour) {
		String hex = colour.substring(1).toUpperCase(Locale.ROOT);
		if (hex.length() == 3) {
			hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
		}
		return "#" + hex;
	}
}
