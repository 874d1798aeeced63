package dev.billforge.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The current org of the signed-in person, for a tenant's own pages (a bean the web app
 * provides). Membership is checked on the server on every call: the person's chosen org
 * if they still belong to it, else their first org, else none.
 */
public interface WebOrgs {

	/**
	 * The current org, or empty when nobody is signed in or the person has no org yet.
	 */
	Optional<CurrentOrg> current(HttpServletRequest request);

	/**
	 * The current org, or {@link NoCurrentOrgException}: on a {@link ProductPage}
	 * controller the web app answers it with a redirect to onboarding.
	 */
	default CurrentOrg require(HttpServletRequest request) {
		return current(request).orElseThrow(NoCurrentOrgException::new);
	}

	/** The signed-in person has no org yet (or nobody is signed in). */
	final class NoCurrentOrgException extends RuntimeException {

		public NoCurrentOrgException() {
			super("no current org", null, false, false);
		}

	}

}
