package dev.billforge.notifications;

import java.time.Instant;
import java.util.List;

/** A mail written to the outbox instead of being sent (the embedded default). */
public record OutboxMail(String id, List<String> to, String from, String subject, String body, Instant createdAt) {
}
