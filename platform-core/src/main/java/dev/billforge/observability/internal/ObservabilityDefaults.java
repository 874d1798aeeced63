package dev.billforge.observability.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Management defaults every tenant inherits (and may override):
 * {@code /actuator/health/liveness} (the process works) and
 * {@code /actuator/health/readiness} (it can serve: MongoDB, Keycloak and Stripe answer),
 * used by the compose health checks and load balancers, and {@code /actuator/prometheus}.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

	static final String NAME = "billforgeObservabilityDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource(NAME, Map.of("management.endpoints.web.exposure.include",
					"health,prometheus", "management.endpoint.health.probes.enabled", "true",
					"management.endpoint.health.group.liveness.include", "livenessState",
					"management.endpoint.health.group.readiness.include", "readinessState,mongo,keycloak,stripe")));
	}

}
