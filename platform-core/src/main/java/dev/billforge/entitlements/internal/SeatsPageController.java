package dev.billforge.entitlements.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.billforge.common.ProblemException;
import dev.billforge.web.CurrentOrg;
import dev.billforge.web.ProductPage;
import dev.billforge.web.WebOrgs;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The seats page: seats filled and paid; owners and billing members add or remove seats.
 */
@Controller
@ProductPage
class SeatsPageController {

	private final WebOrgs orgs;

	private final Seats seats;

	SeatsPageController(WebOrgs orgs, Seats seats) {
		this.orgs = orgs;
		this.seats = seats;
	}

	@GetMapping("/billing/seats")
	String page(HttpServletRequest request, Model model) {
		CurrentOrg org = orgs.require(request);
		model.addAttribute("seats", seats.status(org.orgId()));
		model.addAttribute("canManage", org.role().canManageBilling());
		return "entitlements/seats";
	}

	@PostMapping("/billing/seats")
	String set(HttpServletRequest request, @RequestParam(defaultValue = "") String seats) {
		CurrentOrg org = orgs.require(request);
		if (!org.role().canManageBilling()) {
			throw new ProblemException(403, "role_required", "only owners and billing members change seats");
		}
		// Bounded before parsing: at most five digits (SeatBilling.MAX_SEATS is 10,000).
		if (seats.length() > 5 || !seats.chars().allMatch(Character::isDigit) || seats.isEmpty()) {
			throw ProblemException.invalid("seats", "seats must be a whole number from 1 to 10000");
		}
		this.seats.set(org.orgId(), Long.parseLong(seats));
		return "redirect:/billing/seats?updated";
	}

}
