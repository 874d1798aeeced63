package dev.billforge.identity.provisioning;

import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The provisioning run of a tenant jar
 * ({@code --billforge.identity.keycloak.provision=true}): provisions the realm, prints
 * what changed and exits with 0, or prints why it failed and exits with 1.
 */
public final class ProvisioningCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ProvisioningCommand.class);

	private final KeycloakProvisioner provisioner;

	private final Supplier<RealmSpec> spec;

	private final IntConsumer exit;

	/**
	 * @param exit receives the exit code (the application exits the JVM with it)
	 */
	public ProvisioningCommand(KeycloakProvisioner provisioner, Supplier<RealmSpec> spec, IntConsumer exit) {
		this.provisioner = provisioner;
		this.spec = spec;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		int code;
		try {
			ProvisioningReport report = provisioner.provision(spec.get());
			log.info(report.summary());
			System.out.println(report.summary());
			code = 0;
		}
		catch (RuntimeException e) {
			String message = "Keycloak provisioning FAILED: " + describe(e);
			log.error(message);
			log.debug("Keycloak provisioning failure", e);
			System.err.println(message);
			code = 1;
		}
		exit.accept(code);
	}

	/** The exception's messages down its cause chain, e.g. "... : Connection refused". */
	static String describe(Throwable error) {
		StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
		Throwable cause = error.getCause();
		int depth = 0;
		while (cause != null && cause != error && depth++ < 5) {
			if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
				text.append(": ").append(cause.getMessage());
			}
			error = cause;
			cause = cause.getCause();
		}
		return text.toString();
	}

}
