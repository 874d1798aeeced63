package dev.billforge.operator.console;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
import dev.billforge.billing.ContractTerms;
import dev.billforge.billing.EnterpriseContract;
import dev.billforge.billing.EnterpriseContracts;
import dev.billforge.billing.StripeEventRecord;
import dev.billforge.common.DecimalInput;
import dev.billforge.common.ProblemException;
import dev.billforge.operator.AuditLog;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;

/**
 * The console's billing actions: an org's enterprise contract (start, change, end),
 * replaying a stored Stripe event, and the catalog as discovered. Every action is audited
 * under the form's request id, so a repeated post is one entry. The browser chain lets
 * only {@code ROLE_OPERATOR} in.
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
@RequestMapping("/operator")
class OperatorBillingConsoleController {

	private final Orgs orgs;

	private final EnterpriseContracts contracts;

	private final BillingConsole billing;

	private final AuditLog audit;

	private final Clock clock;

	OperatorBillingConsoleController(Orgs orgs, EnterpriseContracts contracts, BillingConsole billing, AuditLog audit,
			Clock clock) {
		this.clock = clock;
		this.orgs = orgs;
		this.contracts = contracts;
		this.billing = billing;
		this.audit = audit;
	}

	@PostMapping("/orgs/{id}/contract")
	String putContract(@PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String credits, @RequestParam(defaultValue = "month") String interval,
			@RequestParam(defaultValue = "1") String intervalCount, @RequestParam(defaultValue = "") String anchor,
			@RequestParam(defaultValue = "false") boolean overage, @RequestParam(defaultValue = "") String cap,
			@RequestParam(defaultValue = "hard") String capMode, @RequestParam(defaultValue = "") String reason,
			@RequestParam String requestId, Authentication who, RedirectAttributes flash) {
		Org org = find(id);
		String back = "redirect:/operator/orgs/" + id;
		if (reason.isBlank() || reason.length() > 500) {
			flash.addFlashAttribute("problem", "reason_required");
			return back;
		}
		try {
			boolean active = contracts.find(org.id()).filter(EnterpriseContract::active).isPresent();
			// An active contract's schedule is fixed (the form does not offer it): null
			// keeps what is stored.
			ContractTerms terms = new ContractTerms(name, decimal(credits, "creditsPerPeriod"),
					active ? null : interval, active ? null : count(intervalCount), active ? null : anchor(anchor, org),
					overage, cap.isBlank() ? null : decimal(cap, "cap"), capMode);
			EnterpriseContract contract = contracts.put(org.id(), terms);
			audit.record("operator-contract:" + requestId, who.getName(), "contract.put", org.id(), reason.strip(),
					contract.auditDetails());
			flash.addFlashAttribute("done", "contract_saved");
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("problem", "contract." + (ex.field() != null ? ex.field() : ex.code()));
		}
		return back;
	}

	@PostMapping("/orgs/{id}/contract/end")
	String endContract(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			@RequestParam String requestId, Authentication who, RedirectAttributes flash) {
		Org org = find(id);
		if (reason.isBlank() || reason.length() > 500) {
			flash.addFlashAttribute("problem", "reason_required");
			return "redirect:/operator/orgs/" + id;
		}
		contracts.end(org.id()).ifPresentOrElse(ended -> {
			audit.record("operator-contract-end:" + requestId, who.getName(), "contract.end", org.id(), reason.strip(),
					ended.auditDetails());
			flash.addFlashAttribute("done", "contract_ended");
		}, () -> flash.addFlashAttribute("problem", "contract.none"));
		return "redirect:/operator/orgs/" + id;
	}

	@PostMapping("/orgs/{id}/stripe-events/{eventId}/replay")
	String replay(@PathVariable String id, @PathVariable String eventId, Authentication who, RedirectAttributes flash) {
		Org org = find(id);
		StripeEventRecord result = billing.replay(org.id(), eventId)
			.orElseThrow(() -> ProblemException.notFound("Stripe event"));
		audit.record("operator-replay:" + UUID.randomUUID(), who.getName(), "stripe_event.replay", org.id(),
				"replay of a stored Stripe event",
				Map.of("eventId", eventId, "type", result.type(), "status", result.status()));
		flash.addFlashAttribute("done", "failed".equals(result.status()) ? "replay_failed" : "replayed");
		return "redirect:/operator/orgs/" + id;
	}

	@GetMapping("/catalog")
	String catalog(Model model) {
		try {
			model.addAttribute("entries", billing.catalog());
		}
		catch (RuntimeException ex) {
			model.addAttribute("entries", java.util.List.of());
			model.addAttribute("problem", "catalog_unavailable");
		}
		return "operator/catalog";
	}

	private Org find(String id) {
		if (!OrgId.isWellFormed(id)) {
			throw ProblemException.notFound("org");
		}
		return orgs.find(new OrgId(id)).orElseThrow(() -> ProblemException.notFound("org"));
	}

	private static BigDecimal decimal(String text, String field) {
		return DecimalInput.parse(field, text);
	}

	private static Integer count(String text) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw ProblemException.invalid("intervalCount", "intervalCount is not a number");
		}
	}

	/**
	 * A date field: the start of that day in the org's time zone; empty: the start of
	 * today there.
	 */
	private Instant anchor(String date, Org org) {
		try {
			LocalDate day = date.isBlank() ? LocalDate.now(clock.withZone(org.timeZone()))
					: LocalDate.parse(date.strip());
			return day.atStartOfDay(org.timeZone()).toInstant();
		}
		catch (DateTimeException ex) {
			throw ProblemException.invalid("anchor", "anchor is not a date");
		}
	}

}
