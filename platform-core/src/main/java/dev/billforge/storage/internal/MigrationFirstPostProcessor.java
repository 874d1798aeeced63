package dev.billforge.storage.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoClient;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Makes every {@link MongoClient}, {@link MongoDatabaseFactory} and
 * {@link MongoOperations} bean (hence {@code mongoTemplate} and all Mongo repositories,
 * which need one of them) depend on {@link StorageMigration#BEAN_NAME}, so no bean reads
 * or writes MongoDB before the schema is in place.
 */
public final class MigrationFirstPostProcessor implements BeanFactoryPostProcessor {

	static final List<Class<?>> MONGO_TYPES = List.of(MongoClient.class, MongoDatabaseFactory.class,
			MongoOperations.class);

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBeanDefinition(StorageMigration.BEAN_NAME)) {
			return;
		}
		for (Class<?> type : MONGO_TYPES) {
			for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
				if (name.equals(StorageMigration.BEAN_NAME) || !beanFactory.containsBeanDefinition(name)) {
					continue;
				}
				BeanDefinition definition = beanFactory.getBeanDefinition(name);
				Set<String> dependsOn = new LinkedHashSet<>();
				if (definition.getDependsOn() != null) {
					dependsOn.addAll(List.of(definition.getDependsOn()));
				}
				dependsOn.add(StorageMigration.BEAN_NAME);
				definition.setDependsOn(dependsOn.toArray(String[]::new));
			}
		}
	}

}
