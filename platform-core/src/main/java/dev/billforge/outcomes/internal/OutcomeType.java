package dev.billforge.outcomes.internal;

import java.time.Duration;

import dev.billforge.orgs.Role;
import dev.billforge.valuemetric.Credits;

/** A configured outcome type, checked at startup. */
record OutcomeType(String name, Credits fee, Role approverRole, Role resolverRole, Duration disputeWindow,
		boolean evidenceRequired) {

	/** Owners may always approve and dispute; otherwise only the type's approver role. */
	boolean mayApprove(Role role) {
		return role == Role.OWNER || role == approverRole;
	}

	/**
	 * Disputes are resolved and fees reversed by the type's resolver role (the consulting
	 * side).
	 */
	boolean mayResolve(Role role) {
		return role == resolverRole;
	}

}
