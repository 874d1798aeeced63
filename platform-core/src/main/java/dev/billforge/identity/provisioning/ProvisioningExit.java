package dev.billforge.identity.provisioning;

/**
 * What a provisioning run does with its exit code. The default closes the application
 * context and exits the JVM with the code; tests supply a bean that records it instead.
 */
@FunctionalInterface
public interface ProvisioningExit {

	void exit(int code);

}
