package dev.billforge.branding;

import java.util.Objects;

/**
 * One thing wrong with a brand pack.
 *
 * @param file the file in the pack, e.g. {@code brand.yml} or {@code logo.svg}
 * @param field the field inside the file (e.g. {@code palette.light.primary}); empty for
 * whole-file problems
 * @param message what is wrong, in words a person can act on
 */
public record BrandProblem(String file, String field, String message) {

	public BrandProblem {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(message, "message");
	}

	/**
	 * E.g.
	 * {@code brand.yml: palette.light.primary: "#12345" is not a colour (#RRGGBB or #RGB expected)}.
	 */
	@Override
	public String toString() {
		return field.isEmpty() ? file + ": " + message : file + ": " + field + ": " + message;
	}
}
