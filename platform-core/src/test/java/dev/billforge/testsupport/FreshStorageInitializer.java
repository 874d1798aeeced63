package dev.billforge.testsupport;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each test context its own {@link TestStorage#create() fresh storage}, released
 * when the context closes. Registered early, so it is destroyed after every other bean
 * (the embedded server included). Used by {@link BillforgeIntegrationTest}; usable
 * directly with {@code @ContextConfiguration(initializers = ...)}.
 */
public class FreshStorageInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String BEAN_NAME = "billforgeTestStorage";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestStorage storage = TestStorage.create();
		storage.initializer().initialize(context);
		context.getBeanFactory().registerSingleton(BEAN_NAME, storage);
		if (context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory) {
			beanFactory.registerDisposableBean(BEAN_NAME, storage::close);
		}
	}

}
