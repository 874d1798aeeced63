package dev.billforge.telemetry.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.billforge.telemetry.TelemetryProperties;

/**
 * Deletes telemetry older than {@code billforge.telemetry.retention} (by when it was
 * received). A job, not a TTL index: the embedded store does not expire documents. Safe
 * on several instances at once: deleting what is already deleted does nothing.
 */
@Component
@ConditionalOnBooleanProperty("billforge.telemetry.enabled")
class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final TelemetryStore store;

	private final TelemetryProperties properties;

	private final Clock clock;

	RetentionPurge(TelemetryStore store, TelemetryProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${billforge.telemetry.purge-interval:1h}",
			fixedDelayString = "${billforge.telemetry.purge-interval:1h}")
	void purge() {
		purgeNow();
	}

	long purgeNow() {
		long deleted = store.purgeBefore(clock.instant().minus(properties.getRetention()));
		if (deleted > 0) {
			log.info("Telemetry retention: deleted {} documents older than {}", deleted, properties.getRetention());
		}
		return deleted;
	}

}
