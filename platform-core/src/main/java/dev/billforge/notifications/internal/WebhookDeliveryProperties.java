package dev.billforge.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code billforge.notifications.webhooks.*}: timeouts of one delivery, the size of the
 * delivery pool, and the development switch that lets webhooks reach this machine (never
 * in production).
 *
 * @param allowLoopback development only: allow http and loopback targets (a local
 * receiver)
 * @param connectTimeout TCP connect
 * @param readTimeout each read, including the TLS handshake
 * @param deadline the whole request; the socket is closed when it passes
 */
@ConfigurationProperties("billforge.notifications.webhooks")
record WebhookDeliveryProperties(@DefaultValue("false") boolean allowLoopback,
		@DefaultValue("3s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
		@DefaultValue("10s") Duration deadline) {
}
