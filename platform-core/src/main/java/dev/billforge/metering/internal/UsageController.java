package dev.billforge.metering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.Balance;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.UsageOutcome;
import dev.billforge.metering.MeteringProperties;
import dev.billforge.metering.UsageEvent;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/usage} and the usage summary from the rollups. */
@RestController
@Tag(name = "usage")
@RequestMapping("/api/v1/usage")
class UsageController {

	private final UsageService usage;

	private final CreditLedger ledger;

	private final UsageEventParser parser;

	private final UsageRollups rollups;

	private final MeteringProperties properties;

	UsageController(UsageService usage, CreditLedger ledger, ValueMetric metric, MeteringProperties properties,
			UsageRollups rollups, Clock clock) {
		this.usage = usage;
		this.ledger = ledger;
		this.rollups = rollups;
		this.properties = properties;
		this.parser = new UsageEventParser(metric, properties, clock);
	}

	record UsageBatchRequest(List<JsonNode> events, Boolean enforce) {
	}

	/**
	 * {@link UsageBatchRequest} as documented: the controller reads each event as raw
	 * JSON so that one bad event is answered {@code invalid} in its result instead of
	 * failing the batch.
	 */
	@Schema(name = "UsageBatchRequest")
	record DocumentedUsageBatch(@ArraySchema(minItems = 1, maxItems = 1000, arraySchema = @Schema(
			description = "The events; each is checked on its own (a bad one is `invalid`, the rest are recorded).",
			requiredMode = Schema.RequiredMode.REQUIRED)) List<UsageEventInput> events,
			@Schema(description = "Refuse (`rejected`) events the org cannot fund instead of recording them as debt or overage.",
					defaultValue = "false") Boolean enforce) {
	}

	@Schema(name = "UsageEvent", description = "One usage event.")
	record UsageEventInput(@Schema(
			description = "Unique per org; a repeat with the same meter and quantity is a `duplicate`, never charged twice.",
			example = "job-42-tokens", maxLength = 255,
			requiredMode = Schema.RequiredMode.REQUIRED) String idempotencyKey,
			@Schema(description = "A meter of the product's value metric.", example = "llm_token", maxLength = 100,
					requiredMode = Schema.RequiredMode.REQUIRED) String meter,
			@Schema(description = "How many units; rated at the meter's rate and rounded up to the credit scale.",
					example = "1234", requiredMode = Schema.RequiredMode.REQUIRED) java.math.BigDecimal quantity,
			@Schema(description = "When it happened (RFC 3339); default now. At most 35 days old, 5 minutes ahead.",
					example = "2026-11-30T12:00:00Z") Instant occurredAt,
			@Schema(description = "Short string (or number) values, e.g. `operation`; rolled-up ones can be grouped by.",
					example = "{\"operation\":\"extract\"}") java.util.Map<String, String> properties) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EventResult(@Schema(description = "The event's key.", example = "job-42-tokens") String idempotencyKey,
			@Schema(description = "What happened to the event.", allowableValues = {
					"recorded", "duplicate", "conflict", "rejected", "invalid" }, example = "recorded") String status,
			@Schema(description = "Credits charged for it (also on a duplicate: what the first one charged).") Credits credits,
			@Schema(description = "Why it was not recorded (conflict, rejected, invalid).") EventError error){
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EventError(String code, String field, String message) {
	}

	@Schema(description = "The org's balance after the batch.")
	record BalanceAfter(Credits available, Credits held, Credits debt) {
	}

	record UsageBatchResponse(List<EventResult> results, BalanceAfter balance) {
	}

	@Operation(operationId = "recordUsage",
			summary = "Record a batch of usage events, exactly once per idempotency key")
	@ApiResponse(responseCode = "200", description = "Per-event results and the balance after.")
	@ApiResponse(responseCode = "402", description = "`enforce` was set and every event was rejected; same body.",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = UsageBatchResponse.class)))
	@PostMapping
	ResponseEntity<UsageBatchResponse> record(OrgId org,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json", schema = @Schema(
							implementation = DocumentedUsageBatch.class))) @RequestBody UsageBatchRequest request) {
		if (request.events() == null || request.events().isEmpty()) {
			throw ProblemException.invalid("events", "events must be a non-empty array");
		}
		if (request.events().size() > properties.getMaxBatchSize()) {
			throw new ProblemException(413, "payload_too_large",
					"at most " + properties.getMaxBatchSize() + " events per batch");
		}
		boolean enforce = Boolean.TRUE.equals(request.enforce());
		List<UsageEventParser.Parsed> parsed = request.events().stream().map(parser::parse).toList();
		List<UsageEvent> valid = parsed.stream()
			.filter(UsageEventParser.Parsed::valid)
			.map(UsageEventParser.Parsed::event)
			.toList();
		List<UsageOutcome> outcomes = valid.isEmpty() ? List.of() : usage.record(org, valid, enforce);
		List<EventResult> results = new ArrayList<>(parsed.size());
		int next = 0;
		int rejected = 0;
		for (UsageEventParser.Parsed item : parsed) {
			if (!item.valid()) {
				results.add(new EventResult(item.key(), "invalid", null,
						new EventError("invalid_request", item.field(), item.error())));
				continue;
			}
			UsageOutcome outcome = outcomes.get(next++);
			EventError error = switch (outcome.status()) {
				case REJECTED ->
					new EventError(outcome.rejectedFor().code(), null, "cannot be funded; nothing recorded");
				case CONFLICT -> new EventError("conflict", "idempotencyKey",
						"this key was recorded before with a different meter or quantity; nothing charged");
				default -> null;
			};
			if (outcome.status() == UsageOutcome.Status.REJECTED) {
				rejected++;
			}
			results.add(new EventResult(outcome.idempotencyKey(), outcome.status().code(), outcome.credits(), error));
		}
		Balance balance = ledger.balance(org);
		UsageBatchResponse body = new UsageBatchResponse(results,
				new BalanceAfter(balance.available(), balance.held(), balance.debt()));
		boolean allRejected = enforce && rejected == parsed.size();
		return ResponseEntity.status(allRejected ? 402 : 200).body(body);
	}

	@Operation(operationId = "usageSummary", summary = "Usage per hour or day from the rollups")
	@GetMapping("/summary")
	UsageRollups.Summary summary(OrgId org, @RequestParam Instant from, @RequestParam Instant to,
			@Parameter(schema = @Schema(allowableValues = { "hour", "day" })) @RequestParam(
					defaultValue = "day") String granularity,
			@Parameter(description = "`meter` or a rolled-up event property such as `operation`.") @RequestParam(
					defaultValue = "meter") String groupBy) {
		if (!granularity.equals("hour") && !granularity.equals("day")) {
			throw ProblemException.invalid("granularity", "granularity must be hour or day");
		}
		if (!to.isAfter(from)) {
			throw ProblemException.invalid("to", "to must be after from");
		}
		if (java.time.Duration.between(from, to).toDays() > 400) {
			throw ProblemException.invalid("to", "a summary spans at most 400 days");
		}
		if (!groupBy.equals("meter") && !properties.getRollupDimensions().contains(groupBy)) {
			throw ProblemException.invalid("groupBy",
					"groupBy must be meter or one of the rolled-up properties " + properties.getRollupDimensions());
		}
		return rollups.summary(org, from, to, granularity.equals("hour"), groupBy);
	}

}
