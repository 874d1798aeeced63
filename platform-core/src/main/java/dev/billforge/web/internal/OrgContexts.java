package dev.billforge.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.Membership;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Memberships;

/**
 * Works out the current org on every request from the session's choice and the person's
 * memberships, so a person never acts in an org they do not belong to (membership is
 * re-read on every request: a removed member loses access immediately).
 */
@Component
class OrgContexts {

	static final String SESSION_ORG = "billforge.currentOrg";

	private final Orgs orgs;

	private final Memberships memberships;

	OrgContexts(Orgs orgs, Memberships memberships) {
		this.orgs = orgs;
		this.memberships = memberships;
	}

	/**
	 * The signed-in person: in Keycloak mode the token's stable {@code sub}, its email
	 * and whether Keycloak verified it; a local account's subject is its address (the
	 * account filter keeps unverified accounts away from every page that acts on it).
	 */
	record Person(String subject, String email, boolean emailVerified) {
	}

	static Optional<Person> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof OidcUser oidc) {
			String email = oidc.getEmail() == null ? "" : oidc.getEmail().strip().toLowerCase(Locale.ROOT);
			return Optional.of(new Person(oidc.getSubject(), email, Boolean.TRUE.equals(oidc.getEmailVerified())));
		}
		String name = authentication.getName().strip().toLowerCase(Locale.ROOT);
		return Optional.of(new Person(name, name, true));
	}

	/**
	 * The signed-in person's address (for showing and mail; memberships go by
	 * {@link Person#subject()}).
	 */
	static Optional<String> signedInEmail() {
		return signedIn().map(Person::email);
	}

	static boolean isOperator() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority()));
	}

	private static final String REQUEST_CACHE = OrgContexts.class.getName() + ".current";

	/** Resolved once per request (the layout and the page both ask). */
	@SuppressWarnings("unchecked")
	Optional<OrgContext> current(HttpServletRequest request) {
		Object cached = request.getAttribute(REQUEST_CACHE);
		if (cached instanceof Optional<?> hit) {
			return (Optional<OrgContext>) hit;
		}
		Optional<OrgContext> resolved = resolve(request);
		request.setAttribute(REQUEST_CACHE, resolved);
		return resolved;
	}

	private Optional<OrgContext> resolve(HttpServletRequest request) {
		Optional<Person> person = signedIn();
		if (person.isEmpty()) {
			return Optional.empty();
		}
		adoptLegacyMemberships(request);
		List<Membership> mine = memberships.ofPerson(person.get().subject());
		if (mine.isEmpty()) {
			return Optional.empty();
		}
		HttpSession session = request.getSession(false);
		Object chosen = session == null ? null : session.getAttribute(SESSION_ORG);
		Membership current = mine.stream()
			.filter(m -> m.orgId().value().equals(chosen))
			.findFirst()
			.orElse(mine.get(0));
		List<Org> all = new ArrayList<>();
		Org currentOrg = null;
		for (Membership membership : mine) {
			Optional<Org> org = orgs.find(membership.orgId());
			org.ifPresent(all::add);
			if (membership == current) {
				currentOrg = org.orElse(null);
			}
		}
		if (currentOrg == null) {
			return Optional.empty();
		}
		return Optional.of(OrgContext.of(person.get(), currentOrg, current, all));
	}

	private static final String ADOPTED = OrgContexts.class.getName() + ".adopted";

	/**
	 * Keycloak mode: memberships stored under the sign-in name of their time move to the
	 * stable subject at the first request of a session whose address Keycloak verified
	 * (once per session).
	 */
	private void adoptLegacyMemberships(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication.getPrincipal() instanceof OidcUser oidc)
				|| !Boolean.TRUE.equals(oidc.getEmailVerified())) {
			return;
		}
		HttpSession session = request.getSession();
		if (session.getAttribute(ADOPTED) == null) {
			String legacyName = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getEmail();
			if (legacyName != null && legacyName.equalsIgnoreCase(oidc.getEmail())) {
				memberships.adoptLegacy(legacyName, oidc.getSubject());
			}
			session.setAttribute(ADOPTED, Boolean.TRUE);
		}
	}

	/**
	 * The current org, or a redirect to onboarding (thrown as {@link NeedsOnboarding}).
	 */
	OrgContext require(HttpServletRequest request) {
		return current(request).orElseThrow(NeedsOnboarding::new);
	}

	/**
	 * Switches to an org the person belongs to; any other id is "not found" (never
	 * "forbidden").
	 */
	void switchTo(HttpServletRequest request, String orgId) {
		String subject = signedIn().map(Person::subject).orElseThrow(() -> ProblemException.notFound("org"));
		if (!OrgId.isWellFormed(orgId) || memberships.find(new OrgId(orgId), subject).isEmpty()) {
			throw ProblemException.notFound("org");
		}
		request.getSession().setAttribute(SESSION_ORG, orgId);
		request.removeAttribute(REQUEST_CACHE);
	}

	void choose(HttpServletRequest request, OrgId org) {
		request.getSession().setAttribute(SESSION_ORG, org.value());
		request.removeAttribute(REQUEST_CACHE);
	}

	/**
	 * Thrown when a signed-in person has no org yet; answered with a redirect to
	 * onboarding.
	 */
	static final class NeedsOnboarding extends RuntimeException {

		NeedsOnboarding() {
			super("no org yet", null, false, false);
		}

	}

}
