package dev.billforge.branding.internal;

import java.util.Locale;

import dev.billforge.branding.Colour;

/** A simple square logo: the product's initials on its primary colour. */
public final class LogoGenerator {

	private LogoGenerator() {
	}

	public static String svg(String productName, Colour primary, Colour onPrimary) {
		String initials = initials(productName);
		int fontSize = initials.codePointCount(0, initials.length()) > 1 ? 26 : 34;
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" width=\"64\" height=\"64\""
				+ " role=\"img\" aria-label=\"" + xml(productName) + "\">\n"
				+ "  <rect width=\"64\" height=\"64\" rx=\"14\" fill=\"" + primary.hex() + "\"/>\n"
				+ "  <text x=\"32\" y=\"32\" dy=\"0.35em\" text-anchor=\"middle\""
				+ " font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\"" + " font-size=\""
				+ fontSize + "\" font-weight=\"700\" fill=\"" + onPrimary.hex() + "\">" + xml(initials) + "</text>\n"
				+ "</svg>\n";
	}

	/**
	 * First letter or digit of the first two words, upper-cased; {@code ?} when there is
	 * none.
	 */
	static String initials(String name) {
		StringBuilder initials = new StringBuilder();
		for (String word : name.strip().split("[\\s_-]+")) {
			int cp = word.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1);
			if (cp >= 0) {
				initials.appendCodePoint(cp);
				if (initials.codePointCount(0, initials.length()) == 2) {
					break;
				}
			}
		}
		return initials.length() == 0 ? "?" : initials.toString().toUpperCase(Locale.ROOT);
	}

	static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
