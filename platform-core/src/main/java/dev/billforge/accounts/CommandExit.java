package dev.billforge.accounts;

/**
 * What the {@code accounts create-operator} run does with its exit code. The default
 * closes the application context and exits the JVM; tests supply a bean that records it
 * instead.
 */
@FunctionalInterface
public interface CommandExit {

	void exit(int code);

}
