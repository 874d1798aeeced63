package dev.billforge.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The core's feature packages are modules: no cycles between them, and none reaches into another's
 * {@code internal} package.
 */
class ModularityTest {

	@Test
	void moduleBoundariesHold() {
		ApplicationModules.of("dev.billforge").verify();
	}

}
