package dev.billforge.entitlements.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.billforge.common.ProblemException;
import dev.billforge.entitlements.Entitlement;
import dev.billforge.entitlements.Entitlements;
import dev.billforge.metering.FeatureCheck;
import dev.billforge.orgs.OrgId;

/**
 * The org's features (org API key), and seats of a per-seat plan for products with their
 * own frontend.
 */
@RestController
@Tag(name = "entitlements")
@RequestMapping("/api/v1")
class EntitlementsApiController {

	private final Entitlements entitlements;

	private final Seats seats;

	EntitlementsApiController(Entitlements entitlements, Seats seats) {
		this.entitlements = entitlements;
		this.seats = seats;
	}

	record EntitlementList(List<Entitlement> data) {
	}

	@Operation(operationId = "listEntitlements", summary = "The org's features with their limits and current use")
	@GetMapping("/entitlements")
	EntitlementList list(OrgId org) {
		return new EntitlementList(entitlements.list(org));
	}

	record SeatsRequest(Long seats) {
	}

	@Operation(operationId = "getSeats", summary = "Seats of a per-seat plan: paid, taken, allowed")
	@GetMapping("/billing/seats")
	Seats.SeatStatus seats(OrgId org) {
		return seats.status(org);
	}

	/** Sets the paid seats: more are prorated now, fewer apply from the next period. */
	@Operation(operationId = "setSeats",
			summary = "Set the paid seats: more are prorated now, fewer apply from the next period")
	@PutMapping("/billing/seats")
	Seats.SeatStatus setSeats(OrgId org, @RequestBody SeatsRequest request) {
		if (request == null || request.seats() == null) {
			throw ProblemException.invalid("seats", "seats is required");
		}
		return seats.set(org, request.seats());
	}

	/**
	 * The feature half of {@code POST /api/v1/entitlements/check} (the metering module
	 * routes it here).
	 */
	@Component
	static class FeatureChecks implements FeatureCheck {

		private final Entitlements entitlements;

		FeatureChecks(Entitlements entitlements) {
			this.entitlements = entitlements;
		}

		@Override
		public FeatureCheck.Answer check(OrgId org, String feature, long quantity) {
			Entitlements.Check c = entitlements.check(org, feature, quantity);
			return new FeatureCheck.Answer(c.allowed(), c.feature(), c.quantity(), c.limit(), c.used(), c.remaining(),
					c.reason());
		}

	}

}
