package dev.billforge.outcomes.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.billforge.common.ProblemException;
import dev.billforge.outcomes.Actor;
import dev.billforge.outcomes.Outcome;
import dev.billforge.outcomes.OutcomeStatus;
import dev.billforge.outcomes.Outcomes;
import dev.billforge.outcomes.Resolution;
import dev.billforge.web.CurrentOrg;
import dev.billforge.web.ProductPage;
import dev.billforge.web.WebOrgs;

/**
 * The outcome review queue and an outcome's page with its audit trail. The person acting
 * is the signed-in member; the service checks their role in the current org on every
 * action, and another org's outcome is 404. Not enough credits to approve shows the web
 * app's insufficient-credits page.
 */
@Controller
@ProductPage
@RequestMapping("/outcomes")
class OutcomePagesController {

	private final Outcomes outcomes;

	private final OutcomeTypes types;

	private final WebOrgs orgs;

	OutcomePagesController(Outcomes outcomes, OutcomeTypes types, WebOrgs orgs) {
		this.outcomes = outcomes;
		this.types = types;
		this.orgs = orgs;
	}

	@GetMapping
	String queue(HttpServletRequest request, @RequestParam(defaultValue = "") String status, Model model) {
		CurrentOrg org = orgs.require(request);
		OutcomeStatus wanted = OutcomeStatus.ofCode(status);
		List<Outcome> listed = outcomes.list(org.orgId(), wanted, null, 200);
		model.addAttribute("outcomes", listed);
		// Ids of the outcomes this member may approve or dispute (the type's approver
		// role, or an owner).
		model.addAttribute("reviewable",
				listed.stream()
					.filter(o -> types.find(o.type()).map(t -> t.mayApprove(org.role())).orElse(false))
					.map(Outcome::id)
					.collect(Collectors.toSet()));
		model.addAttribute("status", wanted == null ? "" : wanted.code());
		model.addAttribute("statuses", OutcomeStatus.values());
		model.addAttribute("zone", org.timeZone());
		return "outcomes/queue";
	}

	@GetMapping("/{id}")
	String show(@PathVariable String id, HttpServletRequest request, Model model) {
		return detail(orgs.require(request), id, model);
	}

	@GetMapping("/{id}/audit.csv")
	ResponseEntity<String> auditCsv(@PathVariable String id, HttpServletRequest request) {
		String csv = outcomes.auditCsv(orgs.require(request).orgId(), id);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("outcome-audit.csv").build().toString())
			.body(csv);
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, request, response, model, (org, actor) -> outcomes.approve(org.orgId(), id, actor, null));
	}

	@PostMapping("/{id}/dispute")
	String dispute(@PathVariable String id, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(id, request, response, model, (org, actor) -> outcomes.dispute(org.orgId(), id, actor, reason));
	}

	@PostMapping("/{id}/resolve")
	String resolve(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String resolution, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(id, request, response, model,
				(org, actor) -> outcomes.resolve(org.orgId(), id, actor, reason, Resolution.ofCode(resolution)));
	}

	@PostMapping("/{id}/reverse")
	String reverse(@PathVariable String id, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return act(id, request, response, model, (org, actor) -> outcomes.reverse(org.orgId(), id, actor, reason));
	}

	private interface Step {

		Outcome run(CurrentOrg org, Actor actor);

	}

	/**
	 * Runs a step as the signed-in member; a refused step shows the outcome again with
	 * the reason (402 excepted).
	 */
	private String act(String id, HttpServletRequest request, HttpServletResponse response, Model model, Step step) {
		CurrentOrg org = orgs.require(request);
		try {
			step.run(org, new Actor(org.email(), org.email()));
			return "redirect:/outcomes/" + id;
		}
		catch (ProblemException ex) {
			if (ex.status() == 402 || ex.status() == 404) {
				throw ex;
			}
			response.setStatus(ex.status());
			model.addAttribute("error", ex.getMessage());
			return detail(org, id, model);
		}
	}

	private String detail(CurrentOrg org, String id, Model model) {
		Outcome outcome = outcomes.find(org.orgId(), id).orElseThrow(() -> ProblemException.notFound("outcome"));
		model.addAttribute("outcome", outcome);
		model.addAttribute("zone", org.timeZone());
		var type = types.find(outcome.type());
		model.addAttribute("mayApprove", type.map(t -> t.mayApprove(org.role())).orElse(false));
		model.addAttribute("mayResolve", type.map(t -> t.mayResolve(org.role())).orElse(false));
		return "outcomes/outcome";
	}

}
