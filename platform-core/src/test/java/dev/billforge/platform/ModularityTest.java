package dev.billforge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The core's feature packages are modules: no cycles between them, and none reaches into another's
 * {@code internal} package.
 */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of("dev.billforge");

	@Test
	void featurePackagesAreModules() {
		assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
			.contains("dev.billforge.ledger", "dev.billforge.metering", "dev.billforge.orgs", "dev.billforge.api",
					"dev.billforge.operator", "dev.billforge.storage", "dev.billforge.branding");
	}

	@Test
	void moduleBoundariesHold() {
		modules.verify();
	}

}
