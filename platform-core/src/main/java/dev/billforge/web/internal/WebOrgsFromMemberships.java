package dev.billforge.web.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.billforge.web.CurrentOrg;
import dev.billforge.web.WebOrgs;

/**
 * {@link WebOrgs} for tenants' pages, from the same per-request resolution the web app's
 * pages use.
 */
@Component
class WebOrgsFromMemberships implements WebOrgs {

	private final OrgContexts contexts;

	WebOrgsFromMemberships(OrgContexts contexts) {
		this.contexts = contexts;
	}

	@Override
	public Optional<CurrentOrg> current(HttpServletRequest request) {
		return contexts.current(request)
			.map(ctx -> new CurrentOrg(ctx.orgId(), ctx.org().name(), ctx.org().timeZone(), ctx.role(), ctx.email()));
	}

}
