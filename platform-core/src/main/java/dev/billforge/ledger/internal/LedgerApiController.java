package dev.billforge.ledger.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.Alert;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.LedgerEntry;
import dev.billforge.ledger.LedgerPage;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The org's balance, ledger and alerts. */
@RestController
@Tag(name = "ledger")
@RequestMapping("/api/v1")
class LedgerApiController {

	private final CreditLedger ledger;

	private final ValueMetric metric;

	LedgerApiController(CreditLedger ledger, ValueMetric metric) {
		this.ledger = ledger;
		this.metric = metric;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Balance")
	record BalanceResponse(@Schema(description = "Short name of the credit unit.", example = "SPU") String creditName,
			@Schema(description = "Credits that can be spent now.") Credits available,
			@Schema(description = "Credits held for running jobs.") Credits held,
			@Schema(description = "Usage recorded without credits to cover it.") Credits debt, Instant periodStart,
			Instant periodEnd, Credits periodCredits, Credits used, Credits overageUsed, Credits overCap,
			boolean overageAllowed, CapResponse cap, String blockedReason, List<GrantResponse> grants) {
	}

	@Schema(name = "SpendCap")
	record CapResponse(Credits credits, @Schema(allowableValues = {
			"hard", "soft" }) String mode){
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "BalanceGrant")
	record GrantResponse(String id, @Schema(allowableValues = {
			"free_tier", "plan_allowance", "pack", "promo", "adjustment" }) String source, Credits amount,
			Credits remaining, Instant expiresAt, Instant grantedAt){
	}

	@Operation(operationId = "getBalance", summary = "The org's balance, period, cap and grants")
	@GetMapping("/balance")
	BalanceResponse balance(OrgId org) {
		return toResponse(metric, ledger.balance(org));
	}

	static BalanceResponse toResponse(ValueMetric metric, Balance b) {
		return new BalanceResponse(metric.creditName(), b.available(), b.held(), b.debt(), b.period().start(),
				b.period().end(), b.periodCredits(), b.usedInPeriod(), b.overageInPeriod(), b.overCapInPeriod(),
				b.overageAllowed(), b.cap() == null ? null : new CapResponse(b.cap().credits(), b.cap().mode().code()),
				b.blockedReason(),
				b.grants()
					.stream()
					.map(g -> new GrantResponse(g.id(), g.source().code(), g.amount(), g.remaining(), g.expiresAt(),
							g.grantedAt()))
					.toList());
	}

	record LedgerResponse(List<LedgerEntry> entries, String nextCursor) {
	}

	@Operation(operationId = "listLedgerEntries", summary = "Ledger entries, newest first, paged")
	@GetMapping("/ledger")
	LedgerResponse ledger(OrgId org, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(required = false) String cursor) {
		if (limit < 1 || limit > 500) {
			throw ProblemException.invalid("limit", "limit must be between 1 and 500");
		}
		LedgerPage page = ledger.entries(org, cursor, limit);
		return new LedgerResponse(page.entries(), page.nextCursor());
	}

	record AlertsResponse(List<Alert> alerts) {
	}

	@Operation(operationId = "listAlerts", summary = "Fired alerts, newest first")
	@GetMapping("/alerts")
	AlertsResponse alerts(OrgId org, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 500) {
			throw ProblemException.invalid("limit", "limit must be between 1 and 500");
		}
		return new AlertsResponse(ledger.alerts(org, limit));
	}

}
