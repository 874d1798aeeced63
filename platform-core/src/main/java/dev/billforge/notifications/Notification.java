package dev.billforge.notifications;

import java.time.Instant;
import java.util.Map;

import dev.billforge.orgs.OrgId;

/** An in-app notification (the bell); one per alert. */
public record Notification(String id, OrgId orgId, String type, Integer threshold, Instant createdAt, boolean read,
		Map<String, String> details) {
}
