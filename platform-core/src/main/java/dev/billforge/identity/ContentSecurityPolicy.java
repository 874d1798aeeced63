package dev.billforge.identity;

/**
 * The strict Content-Security-Policy of browser pages: everything from 'self', no inline
 * code.
 */
public final class ContentSecurityPolicy {

	private ContentSecurityPolicy() {
	}

	/**
	 * @param extraFormActionOrigin an origin forms may submit or redirect to (the
	 * Keycloak server, for RP-initiated logout), or null
	 */
	public static String strict(String extraFormActionOrigin) {
		String formAction = extraFormActionOrigin == null ? "'self'" : "'self' " + extraFormActionOrigin;
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " + "form-action "
				+ formAction;
	}

}
