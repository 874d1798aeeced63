package dev.billforge.operator.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.billforge.billing.BillingConsole;
import dev.billforge.billing.EnterpriseContracts;
import dev.billforge.common.DecimalInput;
import dev.billforge.common.ProblemException;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantReceipt;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.ledger.LedgerVerification;
import dev.billforge.operator.AuditLog;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;

/**
 * {@code /operator}: org search, per org the ledger, grants, holds and debt, manual
 * grants and adjustments (reason required), ledger verification, the enterprise contract
 * and the Stripe event log (actions in {@link OperatorBillingConsoleController}); every
 * action is audited. The browser chain lets only {@code ROLE_OPERATOR} in.
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
@RequestMapping("/operator")
class OperatorConsoleController {

	private final Orgs orgs;

	private final CreditLedger ledger;

	private final AuditLog audit;

	private final ValueMetric metric;

	private final EnterpriseContracts contracts;

	private final BillingConsole billing;

	OperatorConsoleController(Orgs orgs, CreditLedger ledger, AuditLog audit, ValueMetric metric,
			EnterpriseContracts contracts, BillingConsole billing) {
		this.contracts = contracts;
		this.billing = billing;
		this.orgs = orgs;
		this.ledger = ledger;
		this.audit = audit;
		this.metric = metric;
	}

	@GetMapping
	String search(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("orgs", orgs.search(q.strip(), 50));
		model.addAttribute("recent", audit.recent(20));
		return "operator/orgs";
	}

	@GetMapping("/orgs/{id}")
	String org(@PathVariable String id, @RequestParam(required = false) String cursor, Model model) {
		Org org = find(id);
		model.addAttribute("org", org);
		model.addAttribute("balance", ledger.balance(org.id()));
		model.addAttribute("page", ledger.entries(org.id(), cursor, 50));
		model.addAttribute("audit", audit.forOrg(org.id(), 50));
		model.addAttribute("metric", metric);
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("contract", contracts.find(org.id()).orElse(null));
		model.addAttribute("stripeEvents", billing.events(org.id(), 50));
		return "operator/org";
	}

	@PostMapping("/orgs/{id}/grants")
	String grant(@PathVariable String id, @RequestParam(defaultValue = "") String credits,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String expires,
			@RequestParam(defaultValue = "adjustment") String source, @RequestParam String requestId,
			Authentication who, RedirectAttributes flash) {
		Org org = find(id);
		Credits amount = amount(credits);
		if (amount == null || reason.isBlank() || reason.length() > 500) {
			flash.addFlashAttribute("problem", reason.isBlank() ? "reason_required" : "invalid_amount");
			return "redirect:/operator/orgs/" + id;
		}
		GrantSource grantSource = "promo".equals(source) ? GrantSource.PROMO : GrantSource.ADJUSTMENT;
		java.time.Instant expiresAt = null;
		if (!expires.isBlank()) {
			try {
				expiresAt = LocalDate.parse(expires).plusDays(1).atStartOfDay(org.timeZone()).toInstant();
			}
			catch (DateTimeException ex) {
				flash.addFlashAttribute("problem", "invalid_date");
				return "redirect:/operator/orgs/" + id;
			}
		}
		String key = "operator-grant:" + requestId;
		GrantReceipt receipt = ledger.grant(org.id(), new GrantRequest(key, grantSource, amount, null, expiresAt,
				reason.strip(), "operator:" + who.getName()));
		audit.record(key, who.getName(), "grant", org.id(), reason.strip(),
				Map.of("credits", amount.amount().toPlainString(), "source", grantSource.code(), "expiresAt",
						expiresAt == null ? "never" : expiresAt.toString(), "grantId",
						String.valueOf(receipt.grantId())));
		flash.addFlashAttribute("done", "granted");
		return "redirect:/operator/orgs/" + id;
	}

	@PostMapping("/orgs/{id}/adjustments")
	String adjust(@PathVariable String id, @RequestParam(defaultValue = "") String credits,
			@RequestParam(defaultValue = "") String reason, @RequestParam String requestId, Authentication who,
			RedirectAttributes flash) {
		Org org = find(id);
		Credits amount = amount(credits);
		if (amount == null || reason.isBlank() || reason.length() > 500) {
			flash.addFlashAttribute("problem", reason.isBlank() ? "reason_required" : "invalid_amount");
			return "redirect:/operator/orgs/" + id;
		}
		String key = "operator-adjust:" + requestId;
		ledger.clawBack(org.id(), key, amount, null, reason.strip());
		audit.record(key, who.getName(), "adjustment", org.id(), reason.strip(),
				Map.of("credits", "-" + amount.amount().toPlainString()));
		flash.addFlashAttribute("done", "adjusted");
		return "redirect:/operator/orgs/" + id;
	}

	@PostMapping("/orgs/{id}/verify")
	String verify(@PathVariable String id, Authentication who, Model model) {
		Org org = find(id);
		LedgerVerification result = ledger.verify(org.id());
		audit.record("operator-verify:" + UUID.randomUUID(), who.getName(), "verify", org.id(), "ledger verification",
				Map.of("consistent", String.valueOf(result.consistent()), "entries", String.valueOf(result.entries())));
		model.addAttribute("verification", result);
		return org(id, null, model);
	}

	private Org find(String id) {
		if (!OrgId.isWellFormed(id)) {
			throw ProblemException.notFound("org");
		}
		return orgs.find(new OrgId(id)).orElseThrow(() -> ProblemException.notFound("org"));
	}

	private Credits amount(String text) {
		return DecimalInput.tryParse(text)
			.filter(value -> value.signum() > 0 && value.scale() <= metric.scale()
					&& value.precision() - value.scale() <= 15)
			.map(Credits::new)
			.orElse(null);
	}

}
