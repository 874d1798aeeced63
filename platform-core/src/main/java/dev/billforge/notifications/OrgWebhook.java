package dev.billforge.notifications;

/**
 * An org's outgoing webhook. {@code secret} is returned only when it is created or
 * rotated; during a rotation the previous secret keeps signing for a grace period, so
 * receivers can switch over.
 */
public record OrgWebhook(String url, String secret) {
}
