package dev.billforge.branding.internal;

import dev.billforge.branding.BrandValues;
import dev.billforge.branding.ColourScheme;
import dev.billforge.branding.Fonts;

/**
 * Renders the brand as CSS custom properties. Values are safe to emit verbatim: colours
 * are parsed hex and font stacks were restricted to a CSS-inert character set by
 * {@link BrandYamlParser}.
 */
public final class CssRenderer {

	private CssRenderer() {
	}

	public static String render(BrandValues values) {
		StringBuilder css = new StringBuilder(1024);
		css.append("/* Brand \"")
			.append(values.productName().replace("*/", "* /"))
			.append("\": generated from brand.yml by Billforge */\n");
		css.append(":root {\n  color-scheme: light;\n");
		colours(css, values.palette().light(), "  ");
		fonts(css, values.fonts());
		css.append("}\n");
		css.append(
				"@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=light]) {\n    color-scheme: dark;\n");
		colours(css, values.palette().dark(), "    ");
		css.append("  }\n}\n");
		css.append("[data-theme=dark] {\n  color-scheme: dark;\n");
		colours(css, values.palette().dark(), "  ");
		css.append("}\n");
		return css.toString();
	}

	private static void colours(StringBuilder css, ColourScheme s, String indent) {
		property(css, indent, "background", s.background().hex());
		property(css, indent, "surface", s.surface().hex());
		property(css, indent, "text", s.text().hex());
		property(css, indent, "text-muted", s.mutedText().hex());
		property(css, indent, "border", s.border().hex());
		property(css, indent, "primary", s.primary().hex());
		property(css, indent, "on-primary", s.onPrimary().hex());
		property(css, indent, "accent", s.accent().hex());
	}

	private static void fonts(StringBuilder css, Fonts f) {
		property(css, "  ", "font-body", f.body());
		property(css, "  ", "font-heading", f.heading());
		property(css, "  ", "font-mono", f.mono());
	}

	private static void property(StringBuilder css, String indent, String name, String value) {
		css.append(indent).append("--bf-").append(name).append(": ").append(value).append(";\n");
	}

}
