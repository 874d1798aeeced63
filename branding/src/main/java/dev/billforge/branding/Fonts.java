package dev.billforge.branding;

import java.util.Objects;

/**
 * CSS font-family stacks (e.g. {@code "Inter", system-ui, sans-serif}). Only locally
 * installed or self-hosted families: a brand pack never references remote font URLs.
 */
public record Fonts(String body, String heading, String mono) {

	public Fonts {
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(heading, "heading");
		Objects.requireNonNull(mono, "mono");
	}
}
