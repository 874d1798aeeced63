package dev.billforge.observability.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.util.StringUtils;

import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;

/**
 * Readiness part "keycloak": the tenant's realm answers its discovery document on the
 * back channel. Without Keycloak (local accounts) there is nothing to wait for: UP.
 */
class KeycloakHealthIndicator extends CachedHealth {

	private final URI discovery;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	KeycloakHealthIndicator(KeycloakSettings settings, KeycloakProperties properties, Clock clock) {
		super(clock, Duration.ofSeconds(30));
		if (settings == null) {
			this.discovery = null;
		}
		else {
			String base = StringUtils.hasText(properties.getBackchannelUrl()) ? properties.getBackchannelUrl().strip()
					: settings.serverUrl();
			base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
			this.discovery = URI.create(base + "/realms/" + settings.realm() + "/.well-known/openid-configuration");
		}
	}

	@Override
	Health check() {
		if (discovery == null) {
			return Health.up().withDetail("mode", "local accounts").build();
		}
		try {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200 ? Health.up().build()
					: Health.down().withDetail("status", response.statusCode()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return down("keycloak", ex);
		}
		catch (Exception ex) {
			return down("keycloak", ex);
		}
	}

}
