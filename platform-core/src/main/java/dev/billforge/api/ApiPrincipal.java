package dev.billforge.api;

import dev.billforge.orgs.OrgId;

/** Who called the API: an org (by one of its keys) or the operator (orgId null). */
public record ApiPrincipal(OrgId orgId, boolean operator) {

	public static ApiPrincipal org(OrgId orgId) {
		return new ApiPrincipal(orgId, false);
	}

	public static ApiPrincipal ofOperator() {
		return new ApiPrincipal(null, true);
	}

}
