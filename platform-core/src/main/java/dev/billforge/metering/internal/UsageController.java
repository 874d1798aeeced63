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
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/usage} and the usage summary from the rollups. */
@RestController
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

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EventResult(String idempotencyKey, String status, Credits credits, EventError error) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EventError(String code, String field, String message) {
	}

	record BalanceAfter(Credits available, Credits held, Credits debt) {
	}

	record UsageBatchResponse(List<EventResult> results, BalanceAfter balance) {
	}

	@PostMapping
	ResponseEntity<UsageBatchResponse> record(OrgId org, @RequestBody UsageBatchRequest request) {
		if (request.events() == null || request.events().isEmpty()) {
			throw ProblemException.invalid("events", "events must be a non-empty array");
		}
		if (request.events().size() > properties.getMaxBatchSize()) {
			throw new ProblemException(413, "payload_too_large",
					"at most " + properties.getMaxBatchSize() + " events per batch");
		}
		boolean enforce = Boolean.TRUE.equals(request.enforce());
		List<UsageEventParser.Parsed> parsed = request.events().stream().map(parser::parse).toList();
		List<UsageEvent> valid = parsed.stream().filter(UsageEventParser.Parsed::valid).map(UsageEventParser.Parsed::event).toList();
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
				case REJECTED -> new EventError(outcome.rejectedFor().code(), null, "cannot be funded; nothing recorded");
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

	@GetMapping("/summary")
	UsageRollups.Summary summary(OrgId org, @RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "day") String granularity, @RequestParam(defaultValue = "meter") String groupBy) {
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
