package dev.billforge.operator;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.CapMode;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.GrantReceipt;
import dev.billforge.ledger.GrantRequest;
import dev.billforge.ledger.GrantSource;
import dev.billforge.ledger.LedgerVerification;
import dev.billforge.ledger.SpendCap;
import dev.billforge.orgs.IssuedApiKey;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/operator/**}: reachable only with the operator token. */
@RestController
@Tag(name = "operator")
@RequestMapping("/api/v1/operator/orgs")
class OperatorApiController {

	private final Orgs orgs;

	private final CreditLedger ledger;

	private final ValueMetric metric;

	private final AuditLog audit;

	OperatorApiController(Orgs orgs, CreditLedger ledger, ValueMetric metric, AuditLog audit) {
		this.orgs = orgs;
		this.ledger = ledger;
		this.metric = metric;
		this.audit = audit;
	}

	record CreateOrg(
			@Schema(example = "Acme", maxLength = 200, requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(description = "IANA zone of the billing period; default UTC.",
					example = "Europe/Berlin") String timeZone) {
	}

	@Schema(name = "Org")
	record OrgResponse(String id, String name, String timeZone,
			@Schema(description = "Credits available (the free tier).") Credits available) {
	}

	@Operation(operationId = "createOrg", summary = "Create an org (with the product's free tier)")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	OrgResponse create(@RequestBody CreateOrg request) {
		String name = TextInput.required("name", request.name(), 200);
		String zoneName = TextInput.optional("timeZone", request.timeZone(), 64);
		ZoneId zone;
		try {
			zone = ZoneId.of(zoneName == null ? "UTC" : zoneName);
		}
		catch (DateTimeException ex) {
			throw ProblemException.invalid("timeZone", "timeZone must be an IANA zone such as Europe/Berlin");
		}
		Org org = orgs.create(name, zone);
		Balance balance = ledger.balance(org.id());
		return new OrgResponse(org.id().value(), org.name(), zone.getId(), balance.available());
	}

	record CreateKey(@Schema(example = "laptop", maxLength = 100) String name) {
	}

	@Operation(operationId = "createApiKey", summary = "Issue an API key (shown once)")
	@PostMapping("/{id}/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	IssuedApiKey createKey(@PathVariable String id, @RequestBody CreateKey request) {
		String name = TextInput.optional("name", request.name(), 100);
		name = name == null ? "API key" : name;
		Org org = org(id);
		IssuedApiKey issued = orgs.createApiKey(org.id(), name);
		// Like the console's actions: who did what to which org (never the key itself).
		audit.record("operator-api-key:" + issued.id(), OperatorBillingApiController.ACTOR, "api_key.create", org.id(),
				"API key issued through the operator API",
				Map.of("keyId", issued.id(), "prefix", issued.prefix(), "name", name));
		return issued;
	}

	record CreateGrant(@Schema(example = "500", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal credits,
			@Schema(allowableValues = {
					"free_tier", "plan_allowance", "pack", "promo", "adjustment" },
					defaultValue = "adjustment") String source,
			@Schema(description = "When unused credits expire; never when absent.") Instant expiresAt,
			@Schema(maxLength = 500, requiredMode = Schema.RequiredMode.REQUIRED) String reason){
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "GrantReceipt")
	record GrantResponse(String grantId, Credits credits,
			@Schema(description = "The Idempotency-Key was used before; nothing granted twice.") boolean duplicate) {
	}

	@Operation(operationId = "grantCredits", summary = "Grant credits")
	@PostMapping("/{id}/grants")
	@ResponseStatus(HttpStatus.CREATED)
	GrantResponse grant(@PathVariable String id, @RequestBody CreateGrant request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Org org = org(id);
		if (request.credits() == null || request.credits().signum() <= 0) {
			throw ProblemException.invalid("credits", "credits must be greater than 0");
		}
		Credits credits = new Credits(request.credits());
		if (!metric.fitsPrecision(credits)) {
			throw ProblemException.invalid("credits", "credits may have at most " + metric.scale() + " decimal places");
		}
		String reason = TextInput.required("reason", request.reason(), 500);
		GrantSource source;
		try {
			source = GrantSource.fromCode(request.source() == null ? "adjustment" : request.source());
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("source",
					"source must be free_tier, plan_allowance, pack, promo or adjustment");
		}
		if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
			throw ProblemException.invalid("expiresAt", "expiresAt must be in the future");
		}
		String key = idempotencyKey == null ? "operator:" + UUID.randomUUID() : "operator:" + idempotencyKey;
		GrantReceipt receipt = ledger.grant(org.id(),
				new GrantRequest(key, source, credits, null, request.expiresAt(), reason, null));
		audit.record(key, OperatorBillingApiController.ACTOR, "grant", org.id(), reason,
				Map.of("credits", credits.amount().toPlainString(), "source", source.code(), "expiresAt",
						request.expiresAt() == null ? "never" : request.expiresAt().toString(), "grantId",
						String.valueOf(receipt.grantId())));
		return new GrantResponse(receipt.grantId(), receipt.credits(), receipt.duplicate());
	}

	record SetCap(@Schema(description = "Overage allowed per period; absent clears the cap.") BigDecimal credits,
			@Schema(allowableValues = {
					"hard", "soft" }, defaultValue = "hard") String mode,
			@Schema(maxLength = 500) String reason){
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "SpendCap")
	record CapResponse(Credits credits, @Schema(allowableValues = {
			"hard", "soft" }) String mode){
	}

	@Operation(operationId = "setSpendCap", summary = "Set or clear the spend cap")
	@PutMapping("/{id}/cap")
	CapResponse cap(@PathVariable String id, @RequestBody SetCap request) {
		Org org = org(id);
		if (request.reason() != null && request.reason().length() > 500) {
			throw ProblemException.invalid("reason", "reason may have at most 500 characters");
		}
		if (request.credits() == null) {
			ledger.setSpendCap(org.id(), null);
			auditCap(org, request, Map.of("credits", "none"));
			return new CapResponse(null, null);
		}
		if (request.credits().signum() < 0) {
			throw ProblemException.invalid("credits", "credits may not be negative");
		}
		CapMode mode;
		try {
			mode = CapMode.valueOf((request.mode() == null ? "hard" : request.mode()).toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("mode", "mode must be hard or soft");
		}
		SpendCap cap = new SpendCap(new Credits(request.credits()), mode);
		ledger.setSpendCap(org.id(), cap);
		auditCap(org, request, Map.of("credits", cap.credits().amount().toPlainString(), "mode", mode.code()));
		return new CapResponse(cap.credits(), mode.code());
	}

	private void auditCap(Org org, SetCap request, Map<String, String> details) {
		String reason = request.reason() == null || request.reason().isBlank()
				? "spend cap set through the operator API" : request.reason().strip();
		audit.record("operator-cap:" + UUID.randomUUID(), OperatorBillingApiController.ACTOR, "cap.set", org.id(),
				reason, new LinkedHashMap<>(details));
	}

	@Operation(operationId = "verifyLedger", summary = "Re-derive every balance from the ledger and compare")
	@GetMapping("/{id}/ledger/verify")
	LedgerVerification verify(@PathVariable String id) {
		return ledger.verify(org(id).id());
	}

	private Org org(String id) {
		return OperatorOrgs.require(orgs, id);
	}

}
