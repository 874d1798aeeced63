package dev.billforge.web;

import java.time.ZoneId;
import java.util.Objects;

import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Role;

/**
 * The org a signed-in person works in on this request, as a tenant's pages see it.
 * Resolved from the person's memberships on every request (a removed member loses access
 * at once).
 *
 * @param orgId the org; look every object up within it (another org's object is "not
 * found")
 * @param orgName shown as is (escape it in templates, as {@code th:text} does)
 * @param timeZone the org's time zone, for dates on pages
 * @param role the person's role in the org
 * @param email the signed-in person
 */
public record CurrentOrg(OrgId orgId, String orgName, ZoneId timeZone, Role role, String email) {

	public CurrentOrg {
		Objects.requireNonNull(orgId, "orgId");
		Objects.requireNonNull(orgName, "orgName");
		Objects.requireNonNull(timeZone, "timeZone");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(email, "email");
	}

}
