package dev.billforge.generator.internal;

import java.util.regex.Pattern;

/**
 * The answers the default brand pack is written from. {@code managed} is true while the
 * pack is the generator's; {@code rebrand} sets it to false so regeneration leaves a
 * client's pack alone.
 */
public record BrandSettings(boolean managed, String primary, String tagline, String supportEmail) {

	static final Pattern COLOUR = Pattern.compile("#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})");

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	public BrandSettings {
		if (primary == null || !COLOUR.matcher(primary).matches()) {
			throw new InvalidAnswerException("--primary",
					"'" + primary + "' is not a colour (#RRGGBB or #RGB, quote it in a shell: \"#0F766E\")");
		}
		tagline = tagline == null ? "" : tagline;
		if (!tagline.isEmpty()) {
			Texts.requireOneLine("--tagline", tagline, 140);
		}
		if (supportEmail == null || !EMAIL.matcher(supportEmail).matches()) {
			throw new InvalidAnswerException("--support-email",
					"'" + supportEmail + "' is not an address like support@acme.example");
		}
	}

	BrandSettings unmanaged() {
		return new BrandSettings(false, primary, tagline, supportEmail);
	}
}
