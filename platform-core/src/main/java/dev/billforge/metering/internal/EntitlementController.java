package dev.billforge.metering.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;
import dev.billforge.ledger.CheckResult;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.ledger.LedgerProperties;
import dev.billforge.ledger.Reservation;
import dev.billforge.metering.FeatureCheck;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import dev.billforge.valuemetric.ValueMetric;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Entitlement checks and holds (reservations) for jobs of unknown cost. */
@RestController
@Tag(name = "entitlements")
@RequestMapping("/api/v1")
class EntitlementController {

	private final CreditLedger ledger;

	private final UsageService usage;

	private final ValueMetric metric;

	private final LedgerProperties properties;

	private final ObjectProvider<FeatureCheck> features;

	EntitlementController(CreditLedger ledger, UsageService usage, ValueMetric metric, LedgerProperties properties,
			ObjectProvider<FeatureCheck> features) {
		this.features = features;
		this.ledger = ledger;
		this.usage = usage;
		this.metric = metric;
		this.properties = properties;
	}

	@Schema(description = "Either `credits`, or `meter` and `quantity`, or `feature` (and `quantity` for a limit).")
	record CheckRequest(@Schema(description = "Credits the work would cost.", example = "40") BigDecimal credits,
			@Schema(description = "A meter, rated with `quantity`.", example = "page") String meter,
			@Schema(description = "Units of `meter`, or of a limited `feature` (whole, default 1).",
					example = "10") BigDecimal quantity,
			@Schema(description = "A feature of the org's plan: a switch or a limit.", example = "mcp_access",
					maxLength = 100) String feature) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CheckResponse(@Schema(description = "Whether the work would be allowed now (advisory).") boolean allowed,
			@Schema(description = "Credit check: the credits asked about.") Credits credits,
			@Schema(description = "Why not, when not allowed.", allowableValues = {
					"insufficient_credits", "cap_reached", "account_blocked", "feature_not_included",
					"feature_limit_reached" }) String reason,
			@Schema(description = "Feature check: the feature asked about.",
					example = "documents_per_month") String feature,
			@Schema(description = "Feature check: units of a limit asked for.", example = "1") Long quantity,
			@Schema(description = "Feature check: the plan's limit this period (limits only).",
					example = "500") Long limit,
			@Schema(description = "Feature check: units used this period (limits with a counter).",
					example = "120") Long used,
			@Schema(description = "Feature check: units left this period, never below 0.",
					example = "380") Long remaining){

		static CheckResponse of(FeatureCheck.Answer a) {
			return new CheckResponse(a.allowed(), null, a.reason(), a.feature(), a.quantity(), a.limit(), a.used(),
					a.remaining());
		}

	}

	/**
	 * A credit check ({@code credits}, or {@code meter} and {@code quantity}) or a
	 * feature check ({@code feature}).
	 */
	@Operation(operationId = "checkEntitlement",
			summary = "Would this many credits (or this meter and quantity) be allowed now, or does the plan include this feature?")
	@PostMapping("/entitlements/check")
	CheckResponse check(OrgId org, @RequestBody CheckRequest request) {
		String feature = TextInput.optional("feature", request.feature(), 100);
		if (feature != null) {
			FeatureCheck check = features.getIfAvailable();
			if (check == null) {
				throw ProblemException.invalid("feature", "feature entitlements are not available");
			}
			if (request.credits() != null || request.meter() != null) {
				throw ProblemException.invalid("feature",
						"give either feature (and quantity) or credits / meter, not both");
			}
			return CheckResponse.of(check.check(org, feature, featureQuantity(request.quantity())));
		}
		Credits credits = credits(request.credits(), request.meter(), request.quantity());
		CheckResult result = ledger.check(org, credits);
		return new CheckResponse(result.allowed(), credits, result.reason() == null ? null : result.reason().code(),
				null, null, null, null, null);
	}

	/** Whole units of a limit: 1 to 10^12. */
	private static long featureQuantity(BigDecimal quantity) {
		if (quantity == null) {
			return 1;
		}
		if (quantity.precision() - quantity.scale() > 13 || quantity.stripTrailingZeros().scale() > 0
				|| quantity.signum() <= 0 || quantity.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
			throw ProblemException.invalid("quantity", "quantity must be a whole number from 1 to 1000000000000");
		}
		return quantity.longValueExact();
	}

	@Schema(description = "Either `credits`, or `meter` and `quantity`.")
	record ReserveRequest(
			@Schema(description = "Unique per hold; a repeat returns the same hold.", example = "job-43",
					maxLength = 255, requiredMode = Schema.RequiredMode.REQUIRED) String idempotencyKey,
			@Schema(description = "Credits to hold.", example = "40") BigDecimal credits,
			@Schema(description = "A meter, rated with `quantity`.", example = "page") String meter,
			@Schema(description = "Units of `meter`.") BigDecimal quantity,
			@Schema(description = "Seconds until an uncommitted hold is released; default 900, at most 86400.",
					example = "600") Long ttlSeconds) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Hold", description = "A hold (reservation) of credits.")
	record ReservationResponse(@Schema(description = "The hold's id.", example = "res_0123456789abcdef") String id,
			@Schema(allowableValues = {
					"held", "committed", "released", "expired" }, example = "held") String status,
			@Schema(description = "Credits held.") Credits credits,
			@Schema(description = "When an uncommitted hold is released.") Instant expiresAt,
			@Schema(description = "Charged at commit.") Credits charged,
			@Schema(description = "Given back at commit or release.") Credits released){

		static ReservationResponse of(Reservation r) {
			return new ReservationResponse(r.id(), r.status().code(), r.credits(), r.expiresAt(), r.charged(),
					r.released());
		}

	}

	@Operation(operationId = "createHold", summary = "Hold credits for a job of unknown cost")
	@PostMapping("/reservations")
	@ResponseStatus(HttpStatus.CREATED)
	ReservationResponse reserve(OrgId org, @RequestBody ReserveRequest request) {
		String key = TextInput.required("idempotencyKey", request.idempotencyKey(), 255);
		Credits credits = credits(request.credits(), request.meter(), request.quantity());
		Duration ttl = request.ttlSeconds() == null ? properties.getDefaultHoldTtl()
				: Duration.ofSeconds(request.ttlSeconds());
		if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(properties.getMaxHoldTtl()) > 0) {
			throw ProblemException.invalid("ttlSeconds",
					"ttlSeconds must be between 1 and " + properties.getMaxHoldTtl().toSeconds());
		}
		return ReservationResponse.of(ledger.reserve(org, key, credits, request.meter(), ttl));
	}

	record CommitRequest(@Schema(description = "The actual cost; may be more or less than held.", example = "25",
			requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal credits) {
	}

	@Operation(operationId = "commitHold", summary = "Charge the actual cost of a held job and release the rest")
	@PostMapping("/reservations/{id}/commit")
	ReservationResponse commit(OrgId org, @PathVariable String id, @RequestBody CommitRequest request) {
		if (request.credits() == null || request.credits().signum() < 0) {
			throw ProblemException.invalid("credits", "credits (the actual cost) is required and may not be negative");
		}
		return ReservationResponse.of(ledger.commit(org, id, amount(request.credits(), "credits")));
	}

	@Operation(operationId = "releaseHold", summary = "Release a hold without charging")
	@PostMapping("/reservations/{id}/release")
	ReservationResponse release(OrgId org, @PathVariable String id) {
		return ReservationResponse.of(ledger.release(org, id));
	}

	/** Credits from an explicit amount, or by rating meter and quantity. */
	private Credits credits(BigDecimal credits, String givenMeter, BigDecimal quantity) {
		String meter = TextInput.optional("meter", givenMeter, 100);
		if (credits != null) {
			if (meter != null || quantity != null) {
				throw ProblemException.invalid("credits", "give either credits or meter and quantity, not both");
			}
			if (credits.signum() <= 0) {
				throw ProblemException.invalid("credits", "credits must be greater than 0");
			}
			return amount(credits, "credits");
		}
		if (meter == null || quantity == null) {
			throw ProblemException.invalid("credits", "give credits, or meter and quantity");
		}
		if (quantity.signum() <= 0) {
			throw ProblemException.invalid("quantity", "quantity must be greater than 0");
		}
		return usage.rate(meter, quantity);
	}

	private Credits amount(BigDecimal value, String field) {
		Credits credits = new Credits(value);
		if (!metric.fitsPrecision(credits) || value.precision() - value.scale() > 15) {
			throw ProblemException.invalid(field,
					field + " must have at most " + metric.scale() + " decimal places and 15 integer digits");
		}
		return credits;
	}

}
