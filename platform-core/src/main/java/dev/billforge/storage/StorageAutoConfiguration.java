package dev.billforge.storage;

import java.nio.file.Path;
import java.time.Clock;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import dev.billforge.storage.StorageMode.Kind;
import dev.billforge.storage.internal.DataDirectories;
import dev.billforge.storage.internal.EmbeddedMongoServer;
import dev.billforge.storage.internal.MigrationFirstPostProcessor;
import dev.billforge.storage.internal.MongoUriEnvironmentPostProcessor;
import dev.billforge.storage.internal.NoMongoConfiguredCondition;
import dev.billforge.storage.internal.StorageMigration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Storage: the embedded MongoDB server when no MongoDB is configured, the
 * {@link StorageMode} bean, and Liquibase migrations that run before any Mongo bean is
 * used. Ordered before Boot's Mongo auto-configurations so its
 * {@link MongoConnectionDetails} replaces the property-based one.
 */
@AutoConfiguration(before = { MongoAutoConfiguration.class, DataMongoAutoConfiguration.class,
		DataMongoRepositoriesAutoConfiguration.class })
@ConditionalOnClass(MongoClient.class)
@EnableConfigurationProperties(StorageProperties.class)
public final class StorageAutoConfiguration {

	@Bean
	StorageMode billforgeStorageMode(StorageProperties properties, Environment environment,
			ObjectProvider<EmbeddedMongoServer> embeddedServer) {
		Path dataDirectory = DataDirectories.resolve(properties.getDataDir(), environment);
		Kind kind = embeddedServer.getIfAvailable() != null ? Kind.EMBEDDED : Kind.EXTERNAL;
		return new StorageMode(kind, dataDirectory, databaseName(environment));
	}

	@Bean
	DurableWrites billforgeDurableWrites(ObjectProvider<EmbeddedMongoServer> embeddedServer) {
		EmbeddedMongoServer server = embeddedServer.getIfAvailable();
		return server == null ? DurableWrites.ALREADY_DURABLE : server::flush;
	}

	/** One-instance-at-a-time scheduled jobs (billing's, telemetry's agent alerts). */
	@Bean
	JobLock billforgeJobLock(org.springframework.data.mongodb.core.MongoTemplate mongo, Clock clock) {
		return new JobLock(mongo, clock);
	}

	@Bean(StorageMigration.BEAN_NAME)
	StorageMigration billforgeStorageMigration(MongoConnectionDetails connectionDetails, StorageMode mode,
			StorageProperties properties, ResourceLoader resourceLoader) {
		StorageMigration migration = new StorageMigration(connectionDetails.getConnectionString().getConnectionString(),
				mode, properties.getMigration().getChangelog(), properties.getMigration().getStaleLockAfter(),
				resourceLoader, Clock.systemUTC());
		return migration;
	}

	@Bean
	static MigrationFirstPostProcessor billforgeMigrationFirstPostProcessor() {
		return new MigrationFirstPostProcessor();
	}

	/**
	 * Same rule as Boot's database factory: {@code spring.mongodb.database}, else the
	 * URI's database; the environment post-processor defaults the property to
	 * {@code billforge} when neither names one.
	 */
	static String databaseName(Environment environment) {
		String configured = environment.getProperty(MongoUriEnvironmentPostProcessor.DATABASE_PROPERTY);
		if (StringUtils.hasText(configured)) {
			return configured.trim();
		}
		String uri = environment.getProperty(MongoUriEnvironmentPostProcessor.URI_PROPERTY);
		if (StringUtils.hasText(uri)) {
			String fromUri = new ConnectionString(uri.trim()).getDatabase();
			if (fromUri != null) {
				return fromUri;
			}
		}
		return MongoUriEnvironmentPostProcessor.DEFAULT_DATABASE;
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoMongoConfiguredCondition.class)
	@ConditionalOnMissingBean(MongoConnectionDetails.class)
	static class EmbeddedServerConfiguration {

		@Bean
		EmbeddedMongoServer billforgeEmbeddedMongoServer(StorageProperties properties, Environment environment) {
			return new EmbeddedMongoServer(DataDirectories.resolve(properties.getDataDir(), environment));
		}

		@Bean
		MongoConnectionDetails billforgeEmbeddedMongoConnectionDetails(EmbeddedMongoServer server,
				Environment environment) {
			ConnectionString connectionString = new ConnectionString(
					server.connectionString(databaseName(environment)));
			return () -> connectionString;
		}

	}

}
