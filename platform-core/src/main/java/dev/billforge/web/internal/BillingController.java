package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.billforge.common.DecimalInput;
import dev.billforge.common.ProblemException;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.CapMode;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.SpendCap;
import dev.billforge.notifications.Notifications;
import dev.billforge.notifications.OrgWebhook;
import dev.billforge.orgs.Role;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;
import dev.billforge.web.BillingLinks;

/**
 * Plan and status, offers, invoices, credits, grants, holds, spend cap, alert thresholds
 * and channels (webhook, delivery log).
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
class BillingController {

	/** Far more than any list of percentages needs; checked before the text is split. */
	private static final int MAX_THRESHOLDS_LENGTH = 200;

	private final OrgContexts contexts;

	private final CreditLedger ledger;

	private final Notifications notifications;

	private final ObjectProvider<BillingLinks> billing;

	private final ValueMetric metric;

	private final Clock clock;

	BillingController(OrgContexts contexts, CreditLedger ledger, Notifications notifications,
			ObjectProvider<BillingLinks> billing, ValueMetric metric, Clock clock) {
		this.contexts = contexts;
		this.ledger = ledger;
		this.notifications = notifications;
		this.billing = billing;
		this.metric = metric;
		this.clock = clock;
	}

	@GetMapping("/billing")
	String billing(@RequestParam(defaultValue = "") String currency, HttpServletRequest request, Model model) {
		OrgContext ctx = contexts.require(request);
		// Only a well-formed code is looked at; anything else shows the default currency.
		fill(ctx, model, CURRENCY.matcher(currency).matches() ? currency : null);
		return "billing";
	}

	static final java.util.regex.Pattern CURRENCY = java.util.regex.Pattern.compile("[a-z]{3}");

	private void fill(OrgContext ctx, Model model) {
		fill(ctx, model, null);
	}

	private void fill(OrgContext ctx, Model model, String requestedCurrency) {
		BillingLinks links = billing.getIfAvailable(() -> BillingLinks.NOT_CONFIGURED);
		Balance balance = ledger.balance(ctx.orgId());
		model.addAttribute("links", links);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("canPurchase", ctx.role().canPurchase());
		model.addAttribute("plan", links.plan(ctx.orgId()));
		try {
			BillingLinks.Currencies currencies = links.currencies(ctx.orgId(), requestedCurrency);
			String currency = currencies == null ? null : currencies.current();
			model.addAttribute("currencies", currencies);
			model.addAttribute("packs", links.packs(ctx.orgId(), locale, currency));
			model.addAttribute("plans", links.plans(ctx.orgId(), locale, currency));
			// Hosted invoice links let anyone holding them see and pay the invoice:
			// buyers only.
			model.addAttribute("invoices", ctx.role().canPurchase() ? links.invoices(ctx.orgId(), locale) : List.of());
			model.addAttribute("upcoming",
					ctx.role().canPurchase() ? links.upcomingInvoice(ctx.orgId(), locale) : null);
			model.addAttribute("autoTopUp", links.autoTopUp(ctx.orgId()));
		}
		catch (ProblemException ex) {
			// Stripe unreachable: say so; credits, cap and alerts still work.
			model.addAttribute("packs", List.of());
			model.addAttribute("plans", List.of());
			model.addAttribute("invoices", List.of());
			model.addAttribute("billingUnavailable", true);
		}
		model.addAttribute("balance", balance);
		model.addAttribute("projection",
				dev.billforge.ledger.RunRateProjection.of(balance, clock.instant(), metric.scale()));
		model.addAttribute("metric", metric);
		model.addAttribute("thresholds", ledger.alertThresholds(ctx.orgId()));
		model.addAttribute("canManage", ctx.role().canManageBilling());
		model.addAttribute("deliveries",
				ctx.role().canManageBilling() ? notifications.deliveries(ctx.orgId(), 20) : List.of());
		model.addAttribute("zone", ctx.org().timeZone());
	}

	@PostMapping("/billing/cap")
	String cap(@RequestParam(defaultValue = "") String credits, @RequestParam(defaultValue = "hard") String mode,
			HttpServletRequest request, RedirectAttributes flash) {
		OrgContext ctx = contexts.require(request).require(Role::canManageBilling);
		if (credits.isBlank()) {
			ledger.setSpendCap(ctx.orgId(), null);
			flash.addFlashAttribute("saved", "cap_removed");
			return "redirect:/billing";
		}
		BigDecimal amount = DecimalInput.tryParse(credits).orElse(null);
		if (amount == null || amount.signum() < 0 || amount.scale() > metric.scale()
				|| amount.precision() - amount.scale() > 15) {
			flash.addFlashAttribute("problem", "invalid_cap");
			return "redirect:/billing";
		}
		ledger.setSpendCap(ctx.orgId(), new SpendCap(new Credits(amount), CapMode.fromCode(mode)));
		flash.addFlashAttribute("saved", "cap_saved");
		return "redirect:/billing";
	}

	@PostMapping("/billing/thresholds")
	String thresholds(@RequestParam(defaultValue = "") String thresholds, HttpServletRequest request,
			RedirectAttributes flash) {
		OrgContext ctx = contexts.require(request).require(Role::canManageBilling);
		List<Integer> percents = new ArrayList<>();
		if (thresholds.length() > MAX_THRESHOLDS_LENGTH) {
			flash.addFlashAttribute("problem", "invalid_thresholds");
			return "redirect:/billing#alerts";
		}
		try {
			for (String part : thresholds.split("[,;\\s]+")) {
				if (!part.isBlank()) {
					percents.add(Integer.parseInt(part.strip().replace("%", "")));
				}
			}
			ledger.setAlertThresholds(ctx.orgId(), percents);
		}
		catch (NumberFormatException | ProblemException ex) {
			flash.addFlashAttribute("problem", "invalid_thresholds");
			return "redirect:/billing#alerts";
		}
		flash.addFlashAttribute("saved", "thresholds_saved");
		return "redirect:/billing#alerts";
	}

	/** Renders directly: the new secret is shown once on this response only. */
	@PostMapping("/billing/webhook")
	String webhook(@RequestParam(defaultValue = "") String url, HttpServletRequest request, Model model) {
		OrgContext ctx = contexts.require(request).require(Role::canManageBilling);
		try {
			OrgWebhook hook = notifications.configureWebhook(ctx.orgId(), url.strip());
			model.addAttribute("webhookSecret", hook.secret());
			model.addAttribute("webhookUrl", hook.url());
		}
		catch (ProblemException ex) {
			model.addAttribute("problem", "invalid_webhook_url");
		}
		fill(ctx, model);
		return "billing";
	}

	@PostMapping("/billing/webhook/rotate")
	String rotate(HttpServletRequest request, Model model) {
		OrgContext ctx = contexts.require(request).require(Role::canManageBilling);
		OrgWebhook hook = notifications.rotateWebhookSecret(ctx.orgId());
		model.addAttribute("webhookSecret", hook.secret());
		model.addAttribute("webhookUrl", hook.url());
		fill(ctx, model);
		return "billing";
	}

	@PostMapping("/billing/webhook/remove")
	String remove(HttpServletRequest request, RedirectAttributes flash) {
		OrgContext ctx = contexts.require(request).require(Role::canManageBilling);
		notifications.removeWebhook(ctx.orgId());
		flash.addFlashAttribute("saved", "webhook_removed");
		return "redirect:/billing";
	}

}
