package dev.billforge.operator.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.billforge.common.ProblemException;
import dev.billforge.operator.AuditLog;
import dev.billforge.web.CurrentOrg;
import dev.billforge.web.ProductPage;
import dev.billforge.web.WebOrgs;

/**
 * The audit log of one org for its owners and admins: what operators did to their org. It
 * lives with the audit log (operator owns it) and reaches the web app only through its
 * public page API.
 */
@Controller
@ProductPage
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
class OrgAuditPageController {

	private final WebOrgs orgs;

	private final AuditLog audit;

	OrgAuditPageController(WebOrgs orgs, AuditLog audit) {
		this.orgs = orgs;
		this.audit = audit;
	}

	@GetMapping("/audit")
	String audit(HttpServletRequest request, Model model) {
		CurrentOrg org = orgs.require(request);
		if (!org.role().canViewAuditLog()) {
			throw new ProblemException(403, "role_required", "your role in this org does not allow this");
		}
		model.addAttribute("entries", audit.forOrg(org.orgId(), 100));
		return "audit";
	}

}
