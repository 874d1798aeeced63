package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.CreditsDeniedException;
import dev.billforge.web.BillingLinks;
import dev.billforge.web.ProductNavItem;
import dev.billforge.web.ProductPage;
import dev.billforge.web.WebOrgs;

/**
 * For the web app's pages, the operator console and tenants' {@link ProductPage}
 * controllers: the person, current org and product links for the layout, and errors as
 * readable, translated pages — never a stack trace or JSON.
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@ControllerAdvice(basePackages = { "dev.billforge.web", "dev.billforge.operator.console" },
		annotations = ProductPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebPageAdvice {

	/**
	 * 402s that need a plan with more (a feature, a higher limit, more seats) rather than
	 * credits.
	 */
	private static final java.util.Set<String> UPGRADE_CODES = java.util.Set.of("feature_not_included",
			"feature_limit_reached", "seats_exhausted");

	private static final Logger log = LoggerFactory.getLogger(WebPageAdvice.class);

	/**
	 * {@code ?billing=} values the billing module's Checkout/Portal return adds to the
	 * return page.
	 */
	static final Set<String> BILLING_OUTCOMES = Set.of("checkout_complete", "payment_pending", "checkout_pending",
			"checkout_cancelled", "portal");

	private final OrgContexts contexts;

	private final List<ProductNavItem> productNav;

	private final ObjectProvider<BillingLinks> billing;

	WebPageAdvice(OrgContexts contexts, ObjectProvider<ProductNavItem> productNav,
			ObjectProvider<BillingLinks> billing) {
		this.contexts = contexts;
		this.productNav = productNav.orderedStream().toList();
		this.billing = billing;
	}

	@ModelAttribute
	void layout(HttpServletRequest request, Model model) {
		model.addAttribute("operator", OrgContexts.isOperator());
		OrgContexts.signedInEmail().ifPresent(email -> model.addAttribute("me", email));
		contexts.current(request).ifPresent(ctx -> model.addAttribute("ctx", ctx));
		model.addAttribute("productNav", productNav);
		model.addAttribute("billingTestMode", billing.getIfAvailable(() -> BillingLinks.NOT_CONFIGURED).testMode());
		String outcome = request.getParameter("billing");
		if (outcome != null && BILLING_OUTCOMES.contains(outcome)) {
			model.addAttribute("billingOutcome", outcome);
		}
	}

	@ExceptionHandler({ OrgContexts.NeedsOnboarding.class, WebOrgs.NoCurrentOrgException.class })
	String onboarding() {
		return "redirect:/onboarding";
	}

	@ExceptionHandler(CreditsDeniedException.class)
	ModelAndView insufficientCredits(CreditsDeniedException ex, HttpServletResponse response) {
		response.setStatus(402);
		ModelAndView page = new ModelAndView("insufficient-credits");
		page.addObject("reason", ex.reason().code());
		return page;
	}

	@ExceptionHandler(ProblemException.class)
	ModelAndView problem(ProblemException ex, HttpServletResponse response) {
		if (ex.status() == 402 && UPGRADE_CODES.contains(ex.code())) {
			response.setStatus(402);
			ModelAndView page = new ModelAndView("upgrade");
			page.addObject("reason", ex.code());
			return page;
		}
		if (ex.status() == 402) {
			response.setStatus(402);
			ModelAndView page = new ModelAndView("insufficient-credits");
			page.addObject("reason", ex.code());
			return page;
		}
		return error(ex.status(), ex.code(), response);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			IllegalArgumentException.class })
	ModelAndView badInput(Exception ex, HttpServletResponse response) {
		log.debug("bad input on a page", ex);
		return error(400, "invalid_request", response);
	}

	static ModelAndView error(int status, String code, HttpServletResponse response) {
		response.setStatus(status);
		ModelAndView page = new ModelAndView("error");
		page.addObject("status", status);
		page.addObject("code", code);
		return page;
	}

}
