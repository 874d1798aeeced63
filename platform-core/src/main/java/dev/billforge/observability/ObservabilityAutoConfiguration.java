package dev.billforge.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

import dev.billforge.observability.internal.ObservabilityConfiguration;

/** Health indicators and metrics of a tenant (docs/deploy.md). */
@AutoConfiguration
@Import(ObservabilityConfiguration.class)
public class ObservabilityAutoConfiguration {

}
