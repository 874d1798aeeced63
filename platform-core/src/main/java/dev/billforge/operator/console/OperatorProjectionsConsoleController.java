package dev.billforge.operator.console;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.LedgerProjections;
import dev.billforge.operator.AuditLog;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;

/**
 * {@code /operator/projections}: the operator alert for ledger commits whose read models
 * were parked after failing, with a rebuild of the org's read models from its ledger
 * (audited).
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
@RequestMapping("/operator/projections")
class OperatorProjectionsConsoleController {

	private final LedgerProjections projections;

	private final Orgs orgs;

	private final AuditLog audit;

	OperatorProjectionsConsoleController(LedgerProjections projections, Orgs orgs, AuditLog audit) {
		this.projections = projections;
		this.orgs = orgs;
		this.audit = audit;
	}

	@GetMapping
	String parked(Model model) {
		model.addAttribute("parked", projections.parked(100));
		return "operator/projections";
	}

	@PostMapping("/orgs/{id}/rebuild")
	String rebuild(@PathVariable String id, Authentication who, RedirectAttributes flash) {
		if (!OrgId.isWellFormed(id) || orgs.find(new OrgId(id)).isEmpty()) {
			throw ProblemException.notFound("org");
		}
		OrgId org = new OrgId(id);
		LedgerProjections.RebuildReport report = projections.rebuild(org);
		audit.record("operator-rebuild:" + UUID.randomUUID(), who.getName(), "rollups_rebuild", org,
				"read models rebuilt from the ledger", Map.of("commits", String.valueOf(report.commits()),
						"resolvedParked", String.valueOf(report.resolvedParked())));
		flash.addFlashAttribute("done", "rebuilt");
		return "redirect:/operator/projections";
	}

}
