package dev.billforge.web.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.Role;
import dev.billforge.web.BillingLinks;

/**
 * The billing page's "Buy" and "Manage billing" buttons: POST forms (CSRF), role-checked,
 * that create a Checkout or Portal session for the current org and hand the browser over
 * to it. Any failure (unknown lookup key, Stripe down, no billing account yet) comes back
 * to the billing page as a readable message.
 *
 * <p>
 * The hand-over is a page that navigates on (meta refresh, plus a link), not a 303: the
 * strict CSP's {@code form-action 'self'} also applies to redirects that follow a form
 * submission, and the browser blocks a redirect from the form's POST to Stripe's (or the
 * emulator's) origin.
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
class PaymentController {

	private static final Logger log = LoggerFactory.getLogger(PaymentController.class);

	private final OrgContexts contexts;

	private final ObjectProvider<BillingLinks> billing;

	PaymentController(OrgContexts contexts, ObjectProvider<BillingLinks> billing) {
		this.contexts = contexts;
		this.billing = billing;
	}

	@PostMapping("/billing/checkout")
	String checkout(@RequestParam(defaultValue = "") String lookupKey, @RequestParam(defaultValue = "") String currency,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
		OrgContext ctx = contexts.require(request).require(Role::canPurchase);
		try {
			// Bounded before use; the billing module checks it against the org's fixed
			// currency and the price.
			String code = dev.billforge.common.TextInput.optional("currency", currency, 3);
			URI url = code == null ? links().checkout(ctx.orgId(), lookupKey.strip())
					: links().checkout(ctx.orgId(), lookupKey.strip(), code);
			return handOver(url, "checkout", response, model);
		}
		catch (RuntimeException ex) {
			return backToBilling(ex, "checkout", flash);
		}
	}

	@PostMapping("/billing/portal")
	String portal(HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
		OrgContext ctx = contexts.require(request).require(Role::canPurchase);
		try {
			return handOver(links().portal(ctx.orgId()), "portal", response, model);
		}
		catch (RuntimeException ex) {
			return backToBilling(ex, "portal", flash);
		}
	}

	private BillingLinks links() {
		return billing.getIfAvailable(() -> BillingLinks.NOT_CONFIGURED);
	}

	private static String handOver(URI url, String kind, HttpServletResponse response, Model model) {
		if (url == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
			throw new IllegalStateException("the payment provider returned no usable URL: " + url);
		}
		// The session URL is a bearer link to the org's payment page: keep it out of
		// caches.
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("url", url.toString());
		model.addAttribute("kind", kind);
		return "billing-redirect";
	}

	private static String backToBilling(RuntimeException ex, String doing, RedirectAttributes flash) {
		String problem = problemCode(ex);
		if (ex instanceof ProblemException p) {
			log.info("{} refused: {} ({})", doing, p.code(), p.getMessage());
		}
		else {
			log.warn("{} failed", doing, ex);
		}
		flash.addFlashAttribute("problem", problem);
		return "redirect:/billing";
	}

	/**
	 * The billing page's message for a failure; anything unexpected reads as a payment
	 * provider error.
	 */
	static String problemCode(RuntimeException ex) {
		if (!(ex instanceof ProblemException p)) {
			return "payment_provider_error";
		}
		return switch (p.code()) {
			case "invalid_request" -> "unknown_offer";
			case "already_subscribed", "no_billing_account", "payment_provider_unavailable", "billing_not_configured",
					"currency_mismatch", "currency_unavailable" ->
				p.code();
			default -> "payment_provider_error";
		};
	}

}
