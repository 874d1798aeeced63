package dev.billforge.branding;

import java.util.Objects;

/**
 * The colours of one mode (light or dark). Text colours ({@code text}, {@code mutedText})
 * are checked for WCAG AA contrast on {@code background} and {@code surface};
 * {@code onPrimary} on {@code primary}. {@code border} and {@code accent} are decorative
 * and not contrast-checked.
 */
public record ColourScheme(Colour background, Colour surface, Colour text, Colour mutedText, Colour border,
		Colour primary, Colour onPrimary, Colour accent) {

	public ColourScheme {
		Objects.requireNonNull(background, "background");
		Objects.requireNonNull(surface, "surface");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(mutedText, "mutedText");
		Objects.requireNonNull(border, "border");
		Objects.requireNonNull(primary, "primary");
		Objects.requireNonNull(onPrimary, "onPrimary");
		Objects.requireNonNull(accent, "accent");
	}
}
