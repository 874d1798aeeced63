package dev.billforge.branding.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import dev.billforge.branding.Colour;

/**
 * WCAG 2.x AA contrast for normal text (at least 4.5:1) between the pairs of a colour
 * scheme that carry text: text and muted text on background and surface, on-primary on
 * primary.
 */
public final class ContrastRules {

	public static final double AA_NORMAL_TEXT = 4.5;

	/** Foreground key, background key; keys as written in brand.yml. */
	public static final List<String[]> PAIRS = List.of(new String[] { "text", "background" },
			new String[] { "text", "surface" }, new String[] { "muted-text", "background" },
			new String[] { "muted-text", "surface" }, new String[] { "on-primary", "primary" });

	private ContrastRules() {
	}

	/**
	 * Checks every pair whose two colours parsed; {@code path} is e.g.
	 * {@code palette.light}.
	 */
	static void check(String path, Map<String, Colour> colours, Problems problems) {
		for (String[] pair : PAIRS) {
			Colour fg = colours.get(pair[0]);
			Colour bg = colours.get(pair[1]);
			if (fg == null || bg == null) {
				continue;
			}
			double ratio = fg.contrastWith(bg);
			if (ratio < AA_NORMAL_TEXT) {
				problems.add(YamlObject.FILE, path + "." + pair[0],
						"contrast of " + pair[0] + " " + fg.hex() + " on " + pair[1] + " " + bg.hex() + " is "
								+ formatRatio(ratio) + ", below the WCAG AA minimum of 4.5:1 for normal text");
			}
		}
	}

	/** True when the colours pass every pair. */
	public static boolean passes(Map<String, Colour> colours) {
		Problems problems = new Problems();
		check("", colours, problems);
		return problems.isEmpty();
	}

	/** Rounded down to two decimals so a failing 4.499 is never shown as "4.50:1". */
	public static String formatRatio(double ratio) {
		return BigDecimal.valueOf(ratio).setScale(2, RoundingMode.FLOOR).toPlainString() + ":1";
	}

}
