package dev.billforge.accounts.internal;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code accounts create-operator} a non-web run, so it never binds the tenant's
 * port (like the Keycloak provisioning run).
 */
public class CreateOperatorEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String args = environment.getProperty("nonOptionArgs");
		if (args != null && CreateOperatorCommand.requested(Arrays.asList(args.split(",")))) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("billforgeCreateOperator", Map.of("spring.main.web-application-type",
						"none", "billforge.billing.catalog.push-to-emulator-on-startup", "false")));
		}
	}

}
