package dev.billforge.generator.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a tenant module to the root pom's {@code <modules>} as text, so the rest of the
 * file keeps its bytes.
 */
public final class RootPom {

	private static final Pattern MODULES = Pattern.compile("(?s)<modules>(.*?)\\n(\\s*)</modules>");

	private RootPom() {
	}

	public static boolean hasModule(String pom, String module) {
		Matcher m = MODULES.matcher(pom);
		return m.find() && m.group(1).contains("<module>" + module + "</module>");
	}

	/**
	 * The pom with {@code module} appended to {@code <modules>}; unchanged when it is
	 * listed already.
	 */
	public static String withModule(String pom, String module) {
		if (hasModule(pom, module)) {
			return pom;
		}
		Matcher m = MODULES.matcher(pom);
		if (!m.find()) {
			throw new IllegalStateException("the root pom.xml has no <modules> section");
		}
		String closingIndent = m.group(2);
		String line = closingIndent + closingIndent + "<module>" + module + "</module>";
		int insertAt = m.end(1);
		return pom.substring(0, insertAt) + "\n" + line + pom.substring(insertAt);
	}

}
