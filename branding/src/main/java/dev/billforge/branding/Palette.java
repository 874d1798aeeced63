package dev.billforge.branding;

import java.util.Objects;

/** Light- and dark-mode colours of a brand. */
public record Palette(ColourScheme light, ColourScheme dark) {

	public Palette {
		Objects.requireNonNull(light, "light");
		Objects.requireNonNull(dark, "dark");
	}
}
