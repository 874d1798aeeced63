package dev.billforge.notifications;

import java.time.Instant;

/** One alert's delivery on one channel, as the delivery log shows it. */
public record Delivery(String id, String notificationId, Channel channel, Status status, int attempts,
		Instant lastAttemptAt, String lastError) {

	public enum Channel {

		EMAIL, WEBHOOK

	}

	public enum Status {

		PENDING, DELIVERED, SKIPPED, FAILED

	}

}
