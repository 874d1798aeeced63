package dev.billforge.operator;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.LedgerProjections;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/operator/projections} and
 * {@code /api/v1/operator/orgs/{id}/rollups/rebuild}: the operator alert for ledger
 * commits whose read models were parked, and the rebuild of an org's read models (usage
 * rollups, notifications, overage records) from its ledger.
 */
@RestController
@Tag(name = "operator")
@RequestMapping("/api/v1/operator")
class OperatorProjectionsApiController {

	private final LedgerProjections projections;

	private final Orgs orgs;

	OperatorProjectionsApiController(LedgerProjections projections, Orgs orgs) {
		this.projections = projections;
		this.orgs = orgs;
	}

	record ParkedView(String orgId, long seq, int attempts, String error, Instant parkedAt) {
	}

	record RebuildView(String orgId, long commits, int resolvedParked) {
	}

	@Operation(operationId = "listParkedProjections", summary = "Ledger commits whose read models were parked")
	@GetMapping("/projections/parked")
	List<ParkedView> parked(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw ProblemException.invalid("limit", "limit must be from 1 to 500");
		}
		return projections.parked(limit)
			.stream()
			.map(p -> new ParkedView(p.orgId().value(), p.seq(), p.attempts(), p.error(), p.parkedAt()))
			.toList();
	}

	@Operation(operationId = "rebuildReadModels", summary = "Rebuild an org's rollups and read models from its ledger")
	@PostMapping("/orgs/{id}/rollups/rebuild")
	RebuildView rebuild(@PathVariable String id) {
		if (!OrgId.isWellFormed(id) || orgs.find(new OrgId(id)).isEmpty()) {
			throw ProblemException.notFound("org");
		}
		LedgerProjections.RebuildReport report = projections.rebuild(new OrgId(id));
		return new RebuildView(report.orgId().value(), report.commits(), report.resolvedParked());
	}

}
