package dev.billforge.testsupport;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Fails a {@link BillforgeIntegrationTest} class whose application sent a MongoDB lookup
 * that no declared index serves ({@link IndexCoverage}).
 */
public class IndexCoverageCheck implements TestExecutionListener {

	@Override
	public void afterTestClass(TestContext testContext) {
		if (testContext.hasApplicationContext()
				&& testContext.getApplicationContext().containsBean(FreshStorageInitializer.BEAN_NAME)
				&& testContext.getApplicationContext()
					.getBean(FreshStorageInitializer.BEAN_NAME) instanceof TestStorage storage) {
			storage.indexCoverage().assertCovered();
		}
	}

}
