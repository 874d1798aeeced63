package dev.billforge.outcomes.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;
import dev.billforge.orgs.OrgId;
import dev.billforge.outcomes.Actor;
import dev.billforge.outcomes.Evidence;
import dev.billforge.outcomes.Outcome;
import dev.billforge.outcomes.OutcomeAuditEntry;
import dev.billforge.outcomes.OutcomeCandidate;
import dev.billforge.outcomes.OutcomeStatus;
import dev.billforge.outcomes.Outcomes;
import dev.billforge.outcomes.Resolution;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Outcomes for products with their own frontend (org API key); the acting person is named
 * in the body.
 */
@RestController
@Tag(name = "outcomes")
@RequestMapping("/api/v1/outcomes")
class OutcomeApiController {

	private final Outcomes outcomes;

	OutcomeApiController(Outcomes outcomes) {
		this.outcomes = outcomes;
	}

	record ProposeRequest(String id, String type, String subject, Evidence evidence, Instant occurredAt, Actor actor) {
	}

	record TransitionRequest(@Schema(description = "The person acting (checked against the type's roles).") Actor actor,
			@Schema(maxLength = 500) String reason, @Schema(description = "For resolve.", allowableValues = {
					"upheld", "rejected" }) String resolution){
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Outcome")
	record OutcomeResponse(String id, String type, String subject, Evidence evidence, Instant occurredAt,
			@Schema(allowableValues = {
					"proposed", "approved", "disputed", "billed", "rejected", "reversed" }) String status,
			@Schema(description = "The fee in credits (a JSON number).") BigDecimal fee, Instant proposedAt,
			Instant approvedAt, Instant windowEndsAt, List<AuditResponse> audit){

		static OutcomeResponse of(Outcome o) {
			return new OutcomeResponse(o.id(), o.type(), o.subject(), o.evidence(), o.occurredAt(), o.status().code(),
					o.fee().amount(), o.proposedAt(), o.approvedAt(), o.windowEndsAt(),
					o.audit().stream().map(AuditResponse::of).toList());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "OutcomeAuditEntry")
	record AuditResponse(Instant at, String actorId, String actorEmail, String from, String to, String evidenceSha256,
			String reason) {

		static AuditResponse of(OutcomeAuditEntry e) {
			return new AuditResponse(e.at(), e.actorId(), e.actorEmail(), e.from() == null ? null : e.from().code(),
					e.to().code(), e.evidenceSha256(), e.reason());
		}

	}

	record OutcomeList(List<OutcomeResponse> outcomes) {
	}

	@Operation(operationId = "proposeOutcome", summary = "Propose an outcome (idempotent on its id)")
	@ApiResponse(responseCode = "201", description = "The outcome (also when the id was proposed before).")
	@PostMapping
	ResponseEntity<OutcomeResponse> propose(OrgId org, @RequestBody ProposeRequest request) {
		Outcome outcome = outcomes
			.propose(org,
					new OutcomeCandidate(request.id(), request.type(), request.subject(), request.evidence(),
							request.occurredAt()),
					request.actor() == null ? new Actor("api-key", null) : request.actor());
		return ResponseEntity.status(HttpStatus.CREATED).body(OutcomeResponse.of(outcome));
	}

	@Operation(operationId = "listOutcomes", summary = "Outcomes, newest first")
	@GetMapping
	OutcomeList list(OrgId org, @RequestParam(required = false) String status,
			@RequestParam(required = false) String type, @RequestParam(defaultValue = "100") int limit) {
		OutcomeStatus wanted = null;
		if (status != null) {
			wanted = OutcomeStatus.ofCode(TextInput.optional("status", status, 20));
			if (wanted == null) {
				throw ProblemException.invalid("status",
						"status is one of proposed, approved, disputed, billed, rejected, reversed");
			}
		}
		if (limit < 1 || limit > 500) {
			throw ProblemException.invalid("limit", "limit must be between 1 and 500");
		}
		String wantedType = TextInput.optional("type", type, 40);
		return new OutcomeList(
				outcomes.list(org, wanted, wantedType, limit).stream().map(OutcomeResponse::of).toList());
	}

	@Operation(operationId = "getOutcome", summary = "One outcome with its audit trail")
	@GetMapping("/{id}")
	OutcomeResponse get(OrgId org, @PathVariable String id) {
		return OutcomeResponse.of(outcomes.find(org, id).orElseThrow(() -> ProblemException.notFound("outcome")));
	}

	@Operation(operationId = "getOutcomeAuditCsv", summary = "The outcome's audit trail as CSV")
	@GetMapping(value = "/{id}/audit.csv", produces = "text/csv")
	ResponseEntity<String> auditCsv(OrgId org, @PathVariable String id) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(outcomes.auditCsv(org, id));
	}

	@Operation(operationId = "approveOutcome", summary = "Approve: the fee is held until the dispute window closes")
	@PostMapping("/{id}/approve")
	OutcomeResponse approve(OrgId org, @PathVariable String id, @RequestBody TransitionRequest request) {
		return OutcomeResponse.of(outcomes.approve(org, id, request.actor(), request.reason()));
	}

	@Operation(operationId = "disputeOutcome", summary = "Dispute an approved outcome within its window")
	@PostMapping("/{id}/dispute")
	OutcomeResponse dispute(OrgId org, @PathVariable String id, @RequestBody TransitionRequest request) {
		return OutcomeResponse.of(outcomes.dispute(org, id, request.actor(), request.reason()));
	}

	@Operation(operationId = "resolveOutcome", summary = "Resolve a dispute (upheld or rejected)")
	@PostMapping("/{id}/resolve")
	OutcomeResponse resolve(OrgId org, @PathVariable String id, @RequestBody TransitionRequest request) {
		Resolution resolution = request.resolution() == null ? null : Resolution.ofCode(request.resolution());
		return OutcomeResponse.of(outcomes.resolve(org, id, request.actor(), request.reason(), resolution));
	}

	@Operation(operationId = "reverseOutcome", summary = "Reverse a billed outcome (credits given back)")
	@PostMapping("/{id}/reverse")
	OutcomeResponse reverse(OrgId org, @PathVariable String id, @RequestBody TransitionRequest request) {
		return OutcomeResponse.of(outcomes.reverse(org, id, request.actor(), request.reason()));
	}

}
