package dev.billforge.operator;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;

/**
 * The org an operator API path names, or a 404 problem (also for ids that are not well
 * formed).
 */
final class OperatorOrgs {

	private OperatorOrgs() {
	}

	static Org require(Orgs orgs, String id) {
		if (!OrgId.isWellFormed(id)) {
			throw ProblemException.notFound("org " + id);
		}
		return orgs.find(new OrgId(id)).orElseThrow(() -> ProblemException.notFound("org " + id));
	}

}
