package dev.billforge.generator.internal;

import java.util.regex.Pattern;

/**
 * An extra Maven dependency of the tenant's product code, rendered into the marked block
 * of its pom.
 */
public record MavenDependency(String groupId, String artifactId, String version, String scope, String type) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

	private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.${}-]+");

	public MavenDependency {
		check("group-id", groupId, ID, true);
		check("artifact-id", artifactId, ID, true);
		check("version", version, VALUE, false);
		check("scope", scope, Pattern.compile("compile|provided|runtime|test|system|import"), false);
		check("type", type, ID, false);
	}

	private static void check(String field, String value, Pattern pattern, boolean required) {
		if (value == null) {
			if (required) {
				throw new InvalidAnswerException("--dependency", field + " is required");
			}
			return;
		}
		if (!pattern.matcher(value).matches()) {
			throw new InvalidAnswerException("--dependency", field + " '" + value + "' is not valid");
		}
	}

	/**
	 * Parses {@code groupId:artifactId[:version[:scope]]}; an empty version means managed
	 * by the parent.
	 */
	public static MavenDependency parse(String text) {
		String[] p = text.split(":", -1);
		if (p.length < 2 || p.length > 4) {
			throw new InvalidAnswerException("--dependency",
					"'" + text + "' is not groupId:artifactId[:version[:scope]]");
		}
		return new MavenDependency(p[0], p[1], p.length > 2 && !p[2].isEmpty() ? p[2] : null,
				p.length > 3 && !p[3].isEmpty() ? p[3] : null, null);
	}
}
