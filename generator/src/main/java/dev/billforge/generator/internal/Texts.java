package dev.billforge.generator.internal;

/** Checks and escapes of free text that ends up in YAML, XML and Java comments. */
final class Texts {

	private Texts() {
	}

	static String requireOneLine(String option, String text, int max) {
		if (text == null || text.isBlank()) {
			throw new InvalidAnswerException(option, "must not be empty");
		}
		if (text.codePoints().anyMatch(Character::isISOControl)) {
			throw new InvalidAnswerException(option, "must be one line without control characters");
		}
		if (text.length() > max) {
			throw new InvalidAnswerException(option, "must be at most " + max + " characters");
		}
		return text;
	}

	/** A YAML scalar: plain when it cannot be misread, else double-quoted. */
	static String yaml(String text) {
		if (text.matches("[A-Za-z][A-Za-z0-9 _.,()/-]*") && !text.endsWith(" ")
				&& !text.matches("(?i)true|false|yes|no|on|off|null|y|n")) {
			return text;
		}
		return quoted(text);
	}

	static String quoted(String text) {
		StringBuilder q = new StringBuilder("\"");
		text.codePoints().forEach(cp -> {
			if (cp == '"' || cp == '\\') {
				q.append('\\').appendCodePoint(cp);
			}
			else {
				q.appendCodePoint(cp);
			}
		});
		return q.append('"').toString();
	}

	/**
	 * Refused text as an error message shows it: at most 40 characters, control
	 * characters as '?'.
	 */
	static String shown(String text) {
		String s = text.length() > 40 ? text.substring(0, 40) + "..." : text;
		return s.codePoints()
			.map(cp -> Character.isISOControl(cp) ? '?' : cp)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
