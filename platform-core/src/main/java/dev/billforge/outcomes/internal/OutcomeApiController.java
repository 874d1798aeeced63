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

/** Outcomes for products with their own frontend (org API key); the acting person is named in the body. */
@RestController
@RequestMapping("/api/v1/outcomes")
class OutcomeApiController {

	private final Outcomes outcomes;

	OutcomeApiController(Outcomes outcomes) {
		this.outcomes = outcomes;
	}

	record ProposeRequest(String id, String type, String subject, Evidence evidence, Instant occurredAt, Actor actor) {
	}

	record TransitionRequest(Actor actor, String reason, String resolution) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record OutcomeResponse(String id, String type, String subject, Evidence evidence, Instant occurredAt, String status,
			BigDecimal fee, Instant proposedAt, Instant approvedAt, Instant windowEndsAt, List<AuditResponse> audit) {

		static OutcomeResponse of(Outcome o) {
			return new OutcomeResponse(o.id(), o.type(), o.subject(), o.evidence(), o.occurredAt(), o.status().code(),
					o.fee().amount(), o.proposedAt(), o.approvedAt(), o.windowEndsAt(),
					o.audit().stream().map(AuditResponse::of).toList());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AuditResponse(Instant at, String actorId, String actorEmail, String from, String to, String evidenceSha256,
			String reason) {

		static AuditResponse of(OutcomeAuditEntry e) {
			return new AuditResponse(e.at(), e.actorId(), e.actorEmail(), e.from() == null ? null : e.from().code(),
					e.to().code(), e.evidenceSha256(), e.reason());
		}

	}

	record OutcomeList(List<OutcomeResponse> outcomes) {
	}

	@PostMapping
	ResponseEntity<OutcomeResponse> propose(OrgId org, @RequestBody ProposeRequest request) {
		Outcome outcome = outcomes.propose(org,
				new OutcomeCandidate(request.id(), request.type(), request.subject(), request.evidence(), request.occurredAt()),
				request.actor() == null ? new Actor("api-key", null) : request.actor());
		return ResponseEntity.status(HttpStatus.CREATED).body(OutcomeResponse.of(outcome));
	}

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
		return new OutcomeList(outcomes.list(org, wanted, wantedType, limit).stream().map(OutcomeResponse::of).toList());
	}

	@GetMapping("/{id}")
	OutcomeResponse get(OrgId org, @PathVariable String id) {
		return OutcomeResponse.of(outcomes.find(org, id).orElseThrow(() -> ProblemException.notFound("outcome")));
	}

	@GetMapping(value = "/{id}/audit.csv", produces = "text/csv")
	ResponseEntity<String> auditCsv(OrgId org, @PathVariable String id) {
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(outcomes.auditCsv(org, id));
	}

	@PostMapping("/{id}/approve")
	OutcomeResponse approve(OrgId org, @PathVariable String id, @RequestBody TransitionRequest request) {
		return OutcomeResponse.of(outcomes.approve(org, id, request.actor(), request.reason()));
	}

	@PostMapping("/{id}/dispute")
	OutcomeResponse dispute(OrgId org, @PathVariable String id, @RequestBody TransitionRequest request) {
		return OutcomeResponse.of(outcomes.dispute(org, id, request.actor(), request.reason()));
	}

	@PostMapping("/{id}/resolve")
	OutcomeResponse resolve(OrgId org, @PathVariable String id, @RequestBody TransitionRequest request) {
		Resolution resolution = request.resolution() == null ? null : Resolution.ofCode(request.resolution());
		return OutcomeResponse.of(outcomes.resolve(org, id, request.actor(), request.reason(), resolution));
	}

	@PostMapping("/{id}/reverse")
	OutcomeResponse reverse(OrgId org, @PathVariable String id, @RequestBody TransitionRequest request) {
		return OutcomeResponse.of(outcomes.reverse(org, id, request.actor(), request.reason()));
	}

}
