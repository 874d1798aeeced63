package dev.billforge.labportal.engagements;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.billforge.common.ProblemException;
import dev.billforge.web.CurrentOrg;
import dev.billforge.web.ProductPage;
import dev.billforge.web.WebOrgs;

/**
 * The engagement pages: the list (consultants propose there), an engagement with its
 * numbers, the time entry form (consultants) and the weekly approval (the client). The
 * acting person is the signed-in member with the role the web app resolved from their
 * memberships on this request; the service checks it for every step, and another org's
 * engagement is 404. Not enough credits to accept or approve a change shows the
 * insufficient-credits page.
 */
@Controller
@ProductPage
@RequestMapping("/engagements")
class EngagementPagesController {

	private final EngagementService engagements;

	private final WebOrgs orgs;

	EngagementPagesController(EngagementService engagements, WebOrgs orgs) {
		this.engagements = engagements;
		this.orgs = orgs;
	}

	@GetMapping
	String list(HttpServletRequest request, Model model) {
		return listPage(orgs.require(request), model);
	}

	@PostMapping
	String propose(@RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String estimatedHours, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		CurrentOrg org = orgs.require(request);
		try {
			return "redirect:/engagements/" + engagements.propose(org.orgId(), person(org), title, estimatedHours).id();
		}
		catch (ProblemException ex) {
			refused(ex, response, model);
			return listPage(org, model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable String id, HttpServletRequest request, Model model) {
		return detail(orgs.require(request), id, model);
	}

	@GetMapping("/{id}/time")
	String timeForm(@PathVariable String id, HttpServletRequest request, Model model) {
		CurrentOrg org = orgs.require(request);
		if (!EngagementService.isConsultant(org.role())) {
			throw new ProblemException(403, "forbidden", "only consultants log time");
		}
		return timePage(org, id, model);
	}

	@PostMapping("/{id}/time")
	String logTime(@PathVariable String id, @RequestParam(defaultValue = "") String date,
			@RequestParam(defaultValue = "") String hours, @RequestParam(defaultValue = "") String note,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		CurrentOrg org = orgs.require(request);
		try {
			engagements.logTime(org.orgId(), id, person(org), date, hours, note);
			return "redirect:/engagements/" + id + "/time?logged";
		}
		catch (ProblemException ex) {
			refused(ex, response, model);
			return timePage(org, id, model);
		}
	}

	@GetMapping("/{id}/approval")
	String approvalPage(@PathVariable String id, HttpServletRequest request, Model model) {
		CurrentOrg org = orgs.require(request);
		if (!EngagementService.isClient(org.role())) {
			throw new ProblemException(403, "forbidden", "only the client approves time");
		}
		return approval(org, id, model);
	}

	@PostMapping("/{id}/approval")
	String approveWeek(@PathVariable String id, @RequestParam(defaultValue = "") String week,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		CurrentOrg org = orgs.require(request);
		try {
			engagements.approveWeek(org.orgId(), id, person(org), week);
			return "redirect:/engagements/" + id + "/approval?approved";
		}
		catch (ProblemException ex) {
			refused(ex, response, model);
			return approval(org, id, model);
		}
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, request, response, model, (org, who) -> engagements.accept(org.orgId(), id, who));
	}

	@PostMapping("/{id}/changes")
	String requestChange(@PathVariable String id, @RequestParam(defaultValue = "") String hours,
			@RequestParam(defaultValue = "") String reason, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return act(id, request, response, model,
				(org, who) -> engagements.requestChange(org.orgId(), id, who, hours, reason));
	}

	@PostMapping("/{id}/changes/{number}/approve")
	String approveChange(@PathVariable String id, @PathVariable String number, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (number.length() > 4 || !number.chars().allMatch(Character::isDigit)) {
			throw ProblemException.notFound("change");
		}
		return act(id, request, response, model,
				(org, who) -> engagements.approveChange(org.orgId(), id, who, Integer.parseInt(number)));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, request, response, model, (org, who) -> engagements.close(org.orgId(), id, who));
	}

	private interface Step {

		Engagement run(CurrentOrg org, Person who);

	}

	/**
	 * Runs a step as the signed-in member; a refused step shows the engagement again with
	 * the reason (402, 404 excepted).
	 */
	private String act(String id, HttpServletRequest request, HttpServletResponse response, Model model, Step step) {
		CurrentOrg org = orgs.require(request);
		try {
			step.run(org, person(org));
			return "redirect:/engagements/" + id;
		}
		catch (ProblemException ex) {
			refused(ex, response, model);
			return detail(org, id, model);
		}
	}

	private static void refused(ProblemException ex, HttpServletResponse response, Model model) {
		if (ex.status() == 402 || ex.status() == 404) {
			throw ex;
		}
		response.setStatus(ex.status());
		model.addAttribute("error", ex.getMessage());
	}

	private static Person person(CurrentOrg org) {
		return new Person(org.email(), org.role());
	}

	private String listPage(CurrentOrg org, Model model) {
		model.addAttribute("engagements", engagements.list(org.orgId()));
		model.addAttribute("mayPropose", EngagementService.mayPropose(org.role()));
		return "labportal/engagements";
	}

	private Engagement engagement(CurrentOrg org, String id, Model model) {
		Engagement engagement = engagements.find(org.orgId(), id)
			.orElseThrow(() -> ProblemException.notFound("engagement"));
		model.addAttribute("engagement", engagement);
		model.addAttribute("client", EngagementService.isClient(org.role()));
		model.addAttribute("consultant", EngagementService.isConsultant(org.role()));
		model.addAttribute("zone", org.timeZone());
		return engagement;
	}

	private String detail(CurrentOrg org, String id, Model model) {
		engagement(org, id, model);
		model.addAttribute("entries", engagements.entries(org.orgId(), id));
		return "labportal/engagement";
	}

	private String timePage(CurrentOrg org, String id, Model model) {
		engagement(org, id, model);
		model.addAttribute("entries",
				engagements.entries(org.orgId(), id)
					.stream()
					.filter(e -> e.consultant().equalsIgnoreCase(org.email()))
					.toList());
		model.addAttribute("today", LocalDate.now(org.timeZone()));
		return "labportal/time";
	}

	private String approval(CurrentOrg org, String id, Model model) {
		engagement(org, id, model);
		Map<LocalDate, List<TimeEntry>> weeks = engagements.entries(org.orgId(), id)
			.stream()
			.filter(e -> !e.approved())
			.collect(Collectors.groupingBy(TimeEntry::week, TreeMap::new, Collectors.toList()));
		model.addAttribute("weeks", weeks);
		model.addAttribute("weekHours",
				weeks.entrySet()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey,
							w -> w.getValue()
								.stream()
								.map(TimeEntry::hours)
								.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
								.toPlainString())));
		return "labportal/approval";
	}

}
