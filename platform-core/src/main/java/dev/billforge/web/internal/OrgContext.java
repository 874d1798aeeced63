package dev.billforge.web.internal;

import java.util.List;
import java.util.function.Predicate;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.Membership;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Role;

/**
 * The signed-in person ({@code subject}: their stable identity, see
 * {@link Membership#subject()}), their current org and role, and their other orgs (for
 * the switcher).
 */
record OrgContext(String subject, String email, Org org, Role role, List<Org> orgs) {

	OrgId orgId() {
		return org.id();
	}

	/**
	 * A page of the person's own org that their role does not allow: 403 with a readable
	 * page.
	 */
	OrgContext require(Predicate<Role> allowed) {
		if (!allowed.test(role)) {
			throw new ProblemException(403, "role_required", "your role in this org does not allow this");
		}
		return this;
	}

	static OrgContext of(OrgContexts.Person person, Org org, Membership membership, List<Org> orgs) {
		return new OrgContext(person.subject(), person.email(), org, membership.role(), orgs);
	}

}
