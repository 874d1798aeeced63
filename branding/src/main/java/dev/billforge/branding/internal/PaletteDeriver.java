package dev.billforge.branding.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.billforge.branding.Colour;
import dev.billforge.branding.ColourScheme;
import dev.billforge.branding.Palette;

/**
 * Derives a complete, accessible light and dark palette from one primary colour, for
 * packs the generator writes. Neutrals are fixed and pass AA by construction; on-primary
 * is white when that passes AA, else near-black, else black (one of white/black always
 * reaches at least 4.58:1).
 */
public final class PaletteDeriver {

	static final Colour LIGHT_BACKGROUND = Colour.parse("#FFFFFF");
	static final Colour LIGHT_SURFACE = Colour.parse("#F6F7F9");
	static final Colour LIGHT_TEXT = Colour.parse("#16181D");
	static final Colour LIGHT_MUTED = Colour.parse("#545B66");
	static final Colour LIGHT_BORDER = Colour.parse("#D5D9E0");
	static final Colour DARK_BACKGROUND = Colour.parse("#111318");
	static final Colour DARK_SURFACE = Colour.parse("#1B1E25");
	static final Colour DARK_TEXT = Colour.parse("#ECEEF2");
	static final Colour DARK_MUTED = Colour.parse("#A2A9B5");
	static final Colour DARK_BORDER = Colour.parse("#343944");

	/**
	 * Non-text contrast (WCAG 1.4.11) wanted between brand fills and the dark background.
	 */
	static final double FILL_CONTRAST = 3.0;

	private PaletteDeriver() {
	}

	public static Palette derive(Colour primary) {
		Colour accent = rotateHue(primary, 150);
		ColourScheme light = new ColourScheme(LIGHT_BACKGROUND, LIGHT_SURFACE, LIGHT_TEXT, LIGHT_MUTED, LIGHT_BORDER,
				primary, onColour(primary), accent);
		Colour darkPrimary = lightenUntilVisible(primary, DARK_BACKGROUND);
		ColourScheme dark = new ColourScheme(DARK_BACKGROUND, DARK_SURFACE, DARK_TEXT, DARK_MUTED, DARK_BORDER,
				darkPrimary, onColour(darkPrimary), lightenUntilVisible(accent, DARK_BACKGROUND));
		return new Palette(light, dark);
	}

	/** White text when it reaches AA on {@code fill}, else near-black, else black. */
	public static Colour onColour(Colour fill) {
		if (Colour.WHITE.contrastWith(fill) >= ContrastRules.AA_NORMAL_TEXT) {
			return Colour.WHITE;
		}
		if (LIGHT_TEXT.contrastWith(fill) >= ContrastRules.AA_NORMAL_TEXT) {
			return LIGHT_TEXT;
		}
		return Colour.BLACK;
	}

	/**
	 * Mixes in white in 5 % steps until the colour stands out from {@code background}
	 * (3:1).
	 */
	static Colour lightenUntilVisible(Colour colour, Colour background) {
		Colour result = colour;
		for (int step = 1; result.contrastWith(background) < FILL_CONTRAST && step <= 20; step++) {
			result = colour.mix(Colour.WHITE, step * 0.05);
		}
		return result;
	}

	/** Scheme colours keyed as in brand.yml, for contrast checks. */
	public static Map<String, Colour> asMap(ColourScheme s) {
		Map<String, Colour> map = new LinkedHashMap<>();
		map.put("background", s.background());
		map.put("surface", s.surface());
		map.put("text", s.text());
		map.put("muted-text", s.mutedText());
		map.put("border", s.border());
		map.put("primary", s.primary());
		map.put("on-primary", s.onPrimary());
		map.put("accent", s.accent());
		return map;
	}

	/** Rotates the hue in HSL space, keeping saturation and lightness. */
	static Colour rotateHue(Colour c, double degrees) {
		double r = c.red() / 255.0;
		double g = c.green() / 255.0;
		double b = c.blue() / 255.0;
		double max = Math.max(r, Math.max(g, b));
		double min = Math.min(r, Math.min(g, b));
		double l = (max + min) / 2;
		double d = max - min;
		if (d == 0) {
			return c;
		}
		double s = d / (1 - Math.abs(2 * l - 1));
		double h;
		if (max == r) {
			h = 60 * (((g - b) / d) % 6);
		}
		else if (max == g) {
			h = 60 * ((b - r) / d + 2);
		}
		else {
			h = 60 * ((r - g) / d + 4);
		}
		h = ((h + degrees) % 360 + 360) % 360;
		double chroma = (1 - Math.abs(2 * l - 1)) * s;
		double x = chroma * (1 - Math.abs((h / 60) % 2 - 1));
		double m = l - chroma / 2;
		double[] rgb = switch ((int) (h / 60)) {
			case 0 -> new double[] { chroma, x, 0 };
			case 1 -> new double[] { x, chroma, 0 };
			case 2 -> new double[] { 0, chroma, x };
			case 3 -> new double[] { 0, x, chroma };
			case 4 -> new double[] { x, 0, chroma };
			default -> new double[] { chroma, 0, x };
		};
		return new Colour(channel(rgb[0] + m), channel(rgb[1] + m), channel(rgb[2] + m));
	}

	private static int channel(double v) {
		return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
	}

}
