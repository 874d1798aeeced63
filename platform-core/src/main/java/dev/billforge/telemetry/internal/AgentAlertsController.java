package dev.billforge.telemetry.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.Role;
import dev.billforge.web.CurrentOrg;
import dev.billforge.web.ProductPage;
import dev.billforge.web.WebOrgs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The alerts page of the monitored agents: every member sees the org's rules and whether
 * each is breached; only the org's owners change them (checked here, not just by hiding
 * the form).
 */
@Controller
@ProductPage
@ConditionalOnBooleanProperty("billforge.telemetry.enabled")
@RequestMapping("/telemetry/alerts")
class AgentAlertsController {

	private final AgentAlerts alerts;

	private final WebOrgs orgs;

	AgentAlertsController(AgentAlerts alerts, WebOrgs orgs) {
		this.alerts = alerts;
		this.orgs = orgs;
	}

	@GetMapping
	String page(HttpServletRequest request, Model model) {
		CurrentOrg org = orgs.require(request);
		return render(org, model, alerts.rules(org.orgId()));
	}

	@PostMapping
	String save(HttpServletRequest request, HttpServletResponse response, Model model,
			@RequestParam(required = false) String errorRatePercent,
			@RequestParam(required = false) String windowMinutes, @RequestParam(required = false) String minTraces,
			@RequestParam(required = false) String llmCostPerHourUsd) {
		CurrentOrg org = orgs.require(request);
		if (org.role() != Role.OWNER) {
			throw new ProblemException(403, "forbidden", "only the org's owners change its alerts");
		}
		try {
			AgentAlertRules rules = AgentAlertRules.parse(errorRatePercent, windowMinutes, minTraces,
					llmCostPerHourUsd);
			alerts.save(org.orgId(), rules);
			model.addAttribute("saved", true);
			return render(org, model, rules);
		}
		catch (ProblemException ex) {
			// the page again with the reason, answered 400: nothing was saved
			response.setStatus(400);
			model.addAttribute("error", ex.getMessage());
			return render(org, model, alerts.rules(org.orgId()));
		}
	}

	private String render(CurrentOrg org, Model model, AgentAlertRules rules) {
		model.addAttribute("rules", rules);
		model.addAttribute("states", alerts.states(org.orgId()));
		model.addAttribute("canEdit", org.role() == Role.OWNER);
		return "telemetry/alerts";
	}

}
