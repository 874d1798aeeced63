package dev.billforge.identity.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class ProvisioningCommandTest {

	@Test
	void unreachableKeycloakExitsWithOneAndSaysWhy() {
		KeycloakProvisioner provisioner = new KeycloakProvisioner(() -> {
			throw new IllegalStateException("RESTEASY004655: Unable to invoke request",
					new java.net.ConnectException("Connection refused"));
		});
		RealmSpec spec = new RealmSpec("acme", "Acme", new RealmSpec.ClientSpec("web", "s", "https://a.test",
				List.of("https://a.test/cb"), List.of(), List.of()), Map.of(), null, null, null, null);
		AtomicInteger exitCode = new AtomicInteger(-1);

		new ProvisioningCommand(provisioner, () -> spec, exitCode::set).run(new DefaultApplicationArguments());

		assertThat(exitCode).hasValue(1);
		assertThat(ProvisioningCommand.describe(new IllegalStateException("Unable to invoke request",
				new java.net.ConnectException("Connection refused"))))
			.isEqualTo("Unable to invoke request: Connection refused");
	}

	@Test
	void invalidConfigurationExitsWithOne() {
		AtomicInteger exitCode = new AtomicInteger(-1);

		new ProvisioningCommand(new KeycloakProvisioner(() -> null), () -> {
			throw new IllegalArgumentException("PUBLIC_BASE_URL must be set");
		}, exitCode::set).run(new DefaultApplicationArguments());

		assertThat(exitCode).hasValue(1);
	}

}
