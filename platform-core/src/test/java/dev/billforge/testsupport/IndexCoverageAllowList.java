package dev.billforge.testsupport;

import java.util.Map;

/**
 * Lookups that may run without an index, each with its reason ({@link IndexCoverage}).
 * Keys are {@link QueryShape#signature() signatures} as the failure message prints them.
 * Keep it short: a full scan belongs here only when the query visits every document
 * anyway, or the collection stays small by design.
 */
final class IndexCoverageAllowList {

	private static final Map<String, String> ALLOWED = Map.ofEntries(
			// estimatedDocumentCount: answered from the collection's metadata, no scan
			// (the parked-commits gauge).
			Map.entry("ledger_parked_projections count {}", "collection metadata"),
			// The due sweep's one-time backfill and verification visit every account (ids
			// only).
			Map.entry("ledger_accounts find {}", "visits every document"),
			// The reconciler compares every billing customer with Stripe.
			Map.entry("billing_customers find {}", "visits every document"),
			// The agent-alert job evaluates every org's rules (one small document per org
			// that set any) each run.
			Map.entry("telemetry_alert_rules find {}", "visits every document"));

	private IndexCoverageAllowList() {
	}

	static boolean allows(String signature) {
		return ALLOWED.containsKey(signature);
	}

}
