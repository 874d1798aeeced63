package dev.billforge.operator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.billforge.billing.BillingConsole;
import dev.billforge.billing.ContractTerms;
import dev.billforge.billing.EnterpriseContract;
import dev.billforge.billing.EnterpriseContracts;
import dev.billforge.billing.StripeEventRecord;
import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/operator/orgs/{id}/contract} (enterprise contract: manual allowances, no
 * card) and {@code /stripe-events} (the org's Stripe event log and replay). Every change
 * is audited with actor {@value #ACTOR} (the operator token has no person behind it); the
 * reason is required.
 */
@RestController
@Tag(name = "operator")
class OperatorBillingApiController {

	static final String ACTOR = "operator-api";

	private final Orgs orgs;

	private final EnterpriseContracts contracts;

	private final BillingConsole billing;

	private final AuditLog audit;

	OperatorBillingApiController(Orgs orgs, EnterpriseContracts contracts, BillingConsole billing, AuditLog audit) {
		this.orgs = orgs;
		this.contracts = contracts;
		this.billing = billing;
		this.audit = audit;
	}

	record PutContract(String name, BigDecimal creditsPerPeriod, String interval, Integer intervalCount, Instant anchor,
			Boolean overageAllowed, BigDecimal cap, String capMode, String reason) {
	}

	@Operation(operationId = "getContract", summary = "The org's enterprise contract")
	@GetMapping("/api/v1/operator/orgs/{id}/contract")
	EnterpriseContract contract(@PathVariable String id) {
		Org org = OperatorOrgs.require(orgs, id);
		return contracts.find(org.id()).orElseThrow(() -> ProblemException.notFound("contract of org " + id));
	}

	@Operation(operationId = "putContract", summary = "Create or change the enterprise contract")
	@PutMapping("/api/v1/operator/orgs/{id}/contract")
	EnterpriseContract putContract(@PathVariable String id, @RequestBody PutContract request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Org org = OperatorOrgs.require(orgs, id);
		String reason = reason(request.reason());
		EnterpriseContract contract = contracts.put(org.id(),
				new ContractTerms(TextInput.required("name", request.name(), 200), request.creditsPerPeriod(),
						request.interval(), request.intervalCount(), request.anchor(), request.overageAllowed(),
						request.cap(), request.capMode()));
		audit.record(key("contract-put", idempotencyKey), ACTOR, "contract.put", org.id(), reason,
				contract.auditDetails());
		return contract;
	}

	@Operation(operationId = "endContract", summary = "End the enterprise contract")
	@DeleteMapping("/api/v1/operator/orgs/{id}/contract")
	EnterpriseContract endContract(@PathVariable String id, @RequestParam(required = false) String reason,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Org org = OperatorOrgs.require(orgs, id);
		String why = reason(reason);
		EnterpriseContract ended = contracts.end(org.id())
			.orElseThrow(() -> ProblemException.notFound("active contract of org " + id));
		audit.record(key("contract-end", idempotencyKey), ACTOR, "contract.end", org.id(), why, ended.auditDetails());
		return ended;
	}

	record EventsResponse(List<StripeEventRecord> events) {
	}

	@Operation(operationId = "listStripeEvents", summary = "The org's Stripe event log")
	@GetMapping("/api/v1/operator/orgs/{id}/stripe-events")
	EventsResponse events(@PathVariable String id, @RequestParam(defaultValue = "50") int limit) {
		Org org = OperatorOrgs.require(orgs, id);
		if (limit < 1 || limit > 200) {
			throw ProblemException.invalid("limit", "limit must be between 1 and 200");
		}
		return new EventsResponse(billing.events(org.id(), limit));
	}

	record Replay(String reason) {
	}

	@Operation(operationId = "replayStripeEvent", summary = "Replay one Stripe event")
	@PostMapping("/api/v1/operator/orgs/{id}/stripe-events/{eventId}/replay")
	StripeEventRecord replay(@PathVariable String id, @PathVariable String eventId,
			@RequestBody(required = false) Replay request) {
		Org org = OperatorOrgs.require(orgs, id);
		String reason = reason(request == null ? null : request.reason());
		StripeEventRecord result = billing.replay(org.id(), eventId)
			.orElseThrow(() -> ProblemException.notFound("Stripe event " + eventId + " of org " + id));
		audit.record("stripe-replay:" + UUID.randomUUID(), ACTOR, "stripe_event.replay", org.id(), reason,
				Map.of("eventId", eventId, "type", result.type(), "status", result.status()));
		return result;
	}

	private static String reason(String reason) {
		return TextInput.required("reason", reason, 500);
	}

	private static String key(String action, String idempotencyKey) {
		return action + ":" + (idempotencyKey == null ? UUID.randomUUID() : idempotencyKey);
	}

}
