package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;

/**
 * First sign-in: create an org (name, time zone) and become its owner; also "create
 * another org".
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
class OnboardingController {

	static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
		.filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
		.toList());

	private final Orgs orgs;

	private final Memberships memberships;

	private final CreditLedger ledger;

	private final OrgContexts contexts;

	OnboardingController(Orgs orgs, Memberships memberships, CreditLedger ledger, OrgContexts contexts) {
		this.orgs = orgs;
		this.memberships = memberships;
		this.ledger = ledger;
		this.contexts = contexts;
	}

	@GetMapping("/onboarding")
	String form(Model model) {
		model.addAttribute("zones", ZONES);
		model.addAttribute("zone", "UTC");
		return "onboarding";
	}

	@PostMapping("/onboarding")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "UTC") String timeZone,
			HttpServletRequest request, Model model) {
		OrgContexts.Person person = OrgContexts.signedIn().orElseThrow();
		String trimmed = name.strip();
		ZoneId zone = null;
		try {
			zone = ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			model.addAttribute("problem", "invalid_time_zone");
		}
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			model.addAttribute("problem", "invalid_org_name");
		}
		if (model.containsAttribute("problem")) {
			model.addAttribute("zones", ZONES);
			model.addAttribute("zone", timeZone);
			model.addAttribute("name", name);
			return "onboarding";
		}
		if (!person.emailVerified()) {
			throw new ProblemException(403, "email_unverified", "confirm your email address first");
		}
		// Rate limited per person; only their first org(s) get the free tier (see
		// OrgsProperties).
		Org org = orgs.createFor(person.subject(), trimmed, zone);
		memberships.add(org.id(), person.subject(), person.email(), Role.OWNER);
		ledger.balance(org.id()); // opens the account (with the free tier when the org
									// qualifies)
		contexts.choose(request, org.id());
		return "redirect:/";
	}

	@PostMapping("/orgs/switch")
	String switchOrg(@RequestParam(defaultValue = "") String org, HttpServletRequest request) {
		if (org.isBlank()) {
			throw ProblemException.notFound("org");
		}
		contexts.switchTo(request, org);
		return "redirect:/";
	}

}
