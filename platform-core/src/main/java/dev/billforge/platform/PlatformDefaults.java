package dev.billforge.platform;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Platform defaults that every tenant inherits and may override in its own configuration:
 * quiet logs from the database driver and the embedded server (they log every connection
 * at INFO), and no Micrometer observation around each of Spring Security's filters, which
 * cost the machine API more per request than authenticating does (set
 * {@code management.observations.enable.spring.security=true} to get them back); the MCP
 * server on when telemetry is.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	static final String NAME = "billforgePlatformDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource(NAME,
					Map.of("logging.level.org.mongodb.driver", "WARN", "logging.level.de.bwaldvogel", "WARN",
							"logging.level.liquibase", "WARN", "springdoc.swagger-ui.path", "/swagger-ui.html",
							"management.observations.enable.spring.security", "false",
							// the MCP server comes with telemetry (its tools); a tenant
							// may switch it on alone
							"billforge.mcp.enabled", "${billforge.telemetry.enabled:false}")));
	}

}
