package dev.billforge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The core's feature packages are modules: no cycles between them, and none reaches into
 * another's {@code internal} package.
 */
class ModularityTest {

	// The Stripe emulator is a standalone library (no Spring) that billing embeds through
	// its public
	// package; it is not one of the core's feature modules.
	private final ApplicationModules modules = ApplicationModules.of("dev.billforge",
			com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.billforge.stripe.."));

	@Test
	void featurePackagesAreModules() {
		assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName())).contains(
				"dev.billforge.ledger", "dev.billforge.metering", "dev.billforge.orgs", "dev.billforge.api",
				"dev.billforge.operator", "dev.billforge.storage", "dev.billforge.branding", "dev.billforge.billing");
	}

	@Test
	void moduleBoundariesHold() {
		modules.verify();
	}

}
