package dev.billforge.entitlements;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One feature of an org. A switch has no limit; a limit feature has {@code limit} and,
 * when the catalog names a counter for it, {@code used} and {@code remaining} (never
 * below 0).
 *
 * @param kind {@code switch} or {@code limit}
 * @param enabled a switch that is on, or a limit above 0
 * @param source where the org's features come from: {@code plan:<lookupKey>},
 * {@code contract} or {@code free}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entitlement(String feature, String kind, boolean enabled, Long limit, Long used, Long remaining,
		String source) {
}
