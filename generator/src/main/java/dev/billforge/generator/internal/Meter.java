package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** One usage meter: credits per unit ({@code rate}) and the name shown in dashboards. */
public record Meter(String name, BigDecimal rate, String displayName) {

	static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	public Meter {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new InvalidAnswerException("--meter", "meter name '" + name
					+ "' must be lower case letters, digits and _ (starting with a letter, at most 40)");
		}
		if (rate == null || rate.signum() <= 0) {
			throw new InvalidAnswerException("--meter", "rate of meter '" + name + "' must be a positive decimal");
		}
		rate = Decimals.normal(rate);
		displayName = displayName == null || displayName.isBlank() ? defaultDisplayName(name) : displayName.strip();
		Texts.requireOneLine("--meter", displayName, 60);
	}

	/**
	 * Parses {@code name=rate} or {@code name=rate:Display name}, e.g.
	 * {@code llm_token=0.001:LLM tokens}.
	 */
	public static Meter parse(String text) {
		int eq = text.indexOf('=');
		if (eq <= 0) {
			throw new InvalidAnswerException("--meter",
					"'" + text + "' is not name=rate (e.g. page=1 or llm_token=0.001:LLM tokens)");
		}
		String name = text.substring(0, eq).strip();
		String rest = text.substring(eq + 1);
		int colon = rest.indexOf(':');
		String rate = colon < 0 ? rest : rest.substring(0, colon);
		String display = colon < 0 ? null : rest.substring(colon + 1);
		return new Meter(name, Decimals.parse("--meter", rate.strip(), "rate of meter '" + name + "'"), display);
	}

	static String defaultDisplayName(String name) {
		String words = name.replace('_', ' ');
		return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}
}
