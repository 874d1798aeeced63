package dev.billforge.web.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.Role;
import dev.billforge.web.BillingLinks;

/**
 * The billing page's auto top-up form: owners and billing members turn it on (pack,
 * threshold, monthly limit) or off.
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
class AutoTopUpPageController {

	private static final Logger log = LoggerFactory.getLogger(AutoTopUpPageController.class);

	private final OrgContexts contexts;

	private final ObjectProvider<BillingLinks> billing;

	AutoTopUpPageController(OrgContexts contexts, ObjectProvider<BillingLinks> billing) {
		this.contexts = contexts;
		this.billing = billing;
	}

	@PostMapping("/billing/auto-top-up")
	String enable(@RequestParam(defaultValue = "") String lookupKey, @RequestParam(defaultValue = "") String threshold,
			@RequestParam(defaultValue = "") String monthlyLimit, HttpServletRequest request,
			RedirectAttributes flash) {
		OrgContext ctx = contexts.require(request).require(Role::canManageBilling);
		try {
			links().enableAutoTopUp(ctx.orgId(), lookupKey, threshold, monthlyLimit);
			flash.addFlashAttribute("saved", "auto_top_up_on");
		}
		catch (ProblemException ex) {
			log.info("auto top-up refused: {} ({})", ex.code(), ex.getMessage());
			flash.addFlashAttribute("problem", problemCode(ex));
		}
		return "redirect:/billing#auto-top-up";
	}

	@PostMapping("/billing/auto-top-up/off")
	String disable(HttpServletRequest request, RedirectAttributes flash) {
		OrgContext ctx = contexts.require(request).require(Role::canManageBilling);
		links().disableAutoTopUp(ctx.orgId());
		flash.addFlashAttribute("saved", "auto_top_up_off");
		return "redirect:/billing#auto-top-up";
	}

	/**
	 * The page's message: which field was wrong, or the card, provider or setup problem.
	 */
	static String problemCode(ProblemException ex) {
		if ("invalid_request".equals(ex.code())) {
			return switch (String.valueOf(ex.field())) {
				case "threshold" -> "auto_top_up_threshold";
				case "monthlyLimit" -> "auto_top_up_limit";
				default -> "auto_top_up_pack";
			};
		}
		return switch (ex.code()) {
			case "no_payment_method", "payment_provider_unavailable", "billing_not_configured" -> ex.code();
			default -> "payment_provider_error";
		};
	}

	private BillingLinks links() {
		return billing.getIfAvailable(() -> BillingLinks.NOT_CONFIGURED);
	}

}
