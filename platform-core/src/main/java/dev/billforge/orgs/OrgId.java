package dev.billforge.orgs;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifier of an org, e.g. {@code org_3f9a...}. */
public record OrgId(String value) {

	private static final Pattern FORMAT = Pattern.compile("org_[0-9a-f]{32}");

	public OrgId {
		Objects.requireNonNull(value, "value");
	}

	public static OrgId generate() {
		return new OrgId("org_" + UUID.randomUUID().toString().replace("-", ""));
	}

	public static boolean isWellFormed(String value) {
		return value != null && value.length() == 36 && FORMAT.matcher(value).matches();
	}

	@Override
	public String toString() {
		return value;
	}

}
