package dev.billforge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import dev.billforge.identity.provisioning.ProvisioningExit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import dev.billforge.testsupport.FreshStorageInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;

/**
 * A tenant started with --billforge.identity.keycloak.provision=true provisions and
 * exits, serving nothing.
 */
class ProvisioningRunTest {

	@Test
	void provisioningRunStartsNoWebServerAndExitsWithOneWhenKeycloakIsUnreachable() {
		AtomicInteger exitCode = new AtomicInteger(-1);
		SpringApplicationBuilder app = new SpringApplicationBuilder(IdentityTestApp.class)
			.initializers(new FreshStorageInitializer())
			.initializers(
					context -> context.getBeanFactory().registerSingleton("testExit", (ProvisioningExit) exitCode::set))
			.web(WebApplicationType.SERVLET);

		try (ConfigurableApplicationContext context = app.run("--billforge.identity.keycloak.provision=true",
				"--billforge.identity.keycloak.server-url=http://127.0.0.1:9",
				"--billforge.identity.keycloak.realm=acme_docs", "--billforge.identity.keycloak.client-secret=s3cret",
				"--billforge.identity.keycloak.public-base-url=https://docs.acme.test",
				"--billforge.identity.keycloak.admin-username=admin",
				"--billforge.identity.keycloak.admin-password=admin", "--spring.main.banner-mode=off")) {
			assertThat(context).isNotInstanceOf(WebApplicationContext.class);
			assertThat(exitCode).hasValue(1);
		}
	}

}
