package dev.billforge.testsupport;

import java.util.Set;

import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Lets integration test classes run in parallel (Failsafe runs two at a time, see
 * docs/development.md) without two classes ever sharing one Spring context at the same
 * time: each class holds a lock named after its context's cache key. Classes on one
 * context share its storage and its {@link MutableClock}, and their assertions (balances,
 * inboxes, the clock's time) assume nobody else moves them meanwhile; classes on
 * different contexts share nothing but the JVM.
 */
public final class OneClassPerContext implements ResourceLocksProvider {

	@Override
	public Set<Lock> provideForClass(Class<?> testClass) {
		MergedContextConfiguration context = BootstrapUtils.resolveTestContextBootstrapper(testClass)
			.buildMergedContextConfiguration();
		// The cache's own key: equal configurations share a context, so they share the
		// lock. A hash collision
		// between two different contexts only makes them wait for each other.
		return Set.of(new Lock("spring-context-" + Integer.toHexString(context.hashCode())));
	}

}
