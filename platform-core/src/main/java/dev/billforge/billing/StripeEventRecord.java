package dev.billforge.billing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Stripe event as the webhook stored it.
 *
 * @param status {@code received}, {@code processed} or {@code failed}
 * @param error the last processing error, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StripeEventRecord(String id, String type, String orgId, Instant receivedAt, String status,
		Instant processedAt, String error, int failures) {
}
