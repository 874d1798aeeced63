package dev.billforge.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.billforge.common.DecimalInput;
import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/billing/auto-top-up}: the org's automatic top-up, with the org API key.
 */
@RestController
@Tag(name = "billing")
@RequestMapping("/api/v1/billing/auto-top-up")
class AutoTopUpApiController {

	static final int MAX_MONTHLY_LIMIT = 100;

	private final AutoTopUps topUps;

	private final ValueMetric metric;

	AutoTopUpApiController(AutoTopUps topUps, ValueMetric metric) {
		this.topUps = topUps;
		this.metric = metric;
	}

	/**
	 * Numbers are read from the raw JSON (a decimal string or number; a whole number) and
	 * bounded before parsing.
	 */
	record AutoTopUpRequest(
			@Schema(description = "A credit pack's lookup key from the catalog.",
					example = "doc_router_pack_1000") String lookupKey,
			@Schema(implementation = String.class, format = "decimal",
					description = "Buy when available credits fall below this (a decimal string or number).",
					example = "100") JsonNode threshold,
			@Schema(implementation = Integer.class, minimum = "1", maximum = "100",
					description = "At most this many automatic purchases per calendar month.",
					example = "3") JsonNode monthlyLimit) {
	}

	record PurchaseView(String id, String status, String lookupKey, String credits, long amount, String currency,
			String paymentIntent, String failureCode, Instant createdAt) {
	}

	record AutoTopUpResponse(boolean enabled, String lookupKey, String threshold, Integer monthlyLimit,
			long purchasesThisMonth, int failures, String disabledReason, String lastFailureCode, Instant lastFailureAt,
			List<PurchaseView> purchases) {

		static AutoTopUpResponse of(AutoTopUps.View v) {
			return new AutoTopUpResponse(v.enabled(), v.lookupKey(), v.threshold(), v.monthlyLimit(),
					v.purchasesThisMonth(), v.failures(), v.disabledReason(), v.lastFailureCode(), v.lastFailureAt(),
					v.purchases()
						.stream()
						.map(p -> new PurchaseView(p.id(), p.status(), p.lookupKey(), p.credits(), p.amount(),
								p.currency(), p.paymentIntent(), p.failureCode(), p.createdAt()))
						.toList());
		}

	}

	@Operation(operationId = "getAutoTopUp", summary = "The org's automatic top-up settings and state")
	@GetMapping
	AutoTopUpResponse get(OrgId org) {
		return AutoTopUpResponse.of(topUps.view(org));
	}

	@Operation(operationId = "setAutoTopUp",
			summary = "Turn automatic top-up on or change it: a pack bought when available credits fall below a threshold")
	@PutMapping
	AutoTopUpResponse put(OrgId org, @RequestBody AutoTopUpRequest request) {
		String lookupKey = TextInput.required("lookupKey", request.lookupKey(), 200);
		Credits threshold = threshold(request.threshold(), metric);
		int limit = monthlyLimit(request.monthlyLimit());
		return AutoTopUpResponse.of(topUps.configure(org, lookupKey, threshold, limit));
	}

	@Operation(operationId = "disableAutoTopUp", summary = "Turn automatic top-up off")
	@DeleteMapping
	AutoTopUpResponse delete(OrgId org) {
		topUps.disable(org);
		return AutoTopUpResponse.of(topUps.view(org));
	}

	/**
	 * The threshold as a JSON string or number, checked by
	 * {@link #threshold(String, ValueMetric)}.
	 */
	static Credits threshold(JsonNode node, ValueMetric metric) {
		return threshold(node != null && (node.isNumber() || node.isString()) ? node.asString() : null, metric);
	}

	/**
	 * A positive number of credits within the metric's precision (API and billing page
	 * alike).
	 */
	static Credits threshold(String text, ValueMetric metric) {
		if (text == null || text.isBlank()) {
			throw ProblemException.invalid("threshold", "threshold is required: credits, e.g. \"100\"");
		}
		BigDecimal value = DecimalInput.parse("threshold", text);
		if (value.signum() <= 0 || value.scale() > metric.scale()) {
			throw ProblemException.invalid("threshold",
					"threshold must be positive with at most " + metric.scale() + " decimal places");
		}
		return new Credits(value);
	}

	static int monthlyLimit(JsonNode node) {
		return monthlyLimit(node != null && node.isIntegralNumber() ? node.asString() : null);
	}

	/**
	 * Purchases per calendar month, 1 to {@value #MAX_MONTHLY_LIMIT}; three digits at
	 * most are read.
	 */
	static int monthlyLimit(String text) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty() || t.length() > 3 || !t.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(t) < 1
				|| Integer.parseInt(t) > MAX_MONTHLY_LIMIT) {
			throw ProblemException.invalid("monthlyLimit",
					"monthlyLimit must be a whole number of purchases per month from 1 to " + MAX_MONTHLY_LIMIT);
		}
		return Integer.parseInt(t);
	}

}
