package dev.billforge.outcomes;

/**
 * What shows the outcome happened: a link (http or https only), its SHA-256 and a short
 * summary; any part may be null.
 */
public record Evidence(String url, String sha256, String summary) {

	public static final Evidence NONE = new Evidence(null, null, null);

}
