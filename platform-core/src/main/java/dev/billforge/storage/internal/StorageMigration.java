package dev.billforge.storage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import dev.billforge.storage.StorageMode;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.ext.mongodb.database.MongoClientDriver;
import liquibase.ext.mongodb.database.MongoConnection;
import liquibase.ext.mongodb.database.MongoLiquibaseDatabase;
import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.ui.LoggerUIService;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;

/**
 * Runs the Liquibase changelogs against MongoDB once, at startup, before any bean that
 * uses MongoDB (see {@link MigrationFirstPostProcessor}).
 * <p>
 * Boot's Liquibase support needs JDBC, so this opens liquibase-mongodb's
 * {@link MongoConnection} itself (with an explicit {@code appName}: in a fat jar the
 * extension's own version lookup mis-parses the jar URL) and runs the {@code update}
 * command. Analytics are off, console output goes to the log.
 * <p>
 * Lock recovery: a lock found before the run is released when it is stale — on the
 * embedded server always (its data file is exclusively held by this process, so no other
 * run can own it), on an external MongoDB when it is older than
 * {@code billforge.storage.migration.stale-lock-after}.
 */
public final class StorageMigration implements InitializingBean {

	public static final String BEAN_NAME = "billforgeStorageMigration";

	static final String APP_NAME = "billforge-liquibase";

	private static final Logger log = LoggerFactory.getLogger(StorageMigration.class);

	private final String connectionString;

	private final StorageMode mode;

	private final String changelog;

	private final Duration staleLockAfter;

	private final ResourceLoader resourceLoader;

	private final Clock clock;

	public StorageMigration(String connectionString, StorageMode mode, String changelog, Duration staleLockAfter,
			ResourceLoader resourceLoader, Clock clock) {
		this.connectionString = ConnectionStrings.withDatabase(connectionString, mode.database());
		this.mode = mode;
		this.changelog = changelog;
		this.staleLockAfter = staleLockAfter;
		this.resourceLoader = resourceLoader;
		this.clock = clock;
	}

	/**
	 * Serialized per JVM: Liquibase keeps lock services in a process-wide factory, and
	 * two contexts migrating at once in one JVM (e.g. a two-instance test) must not reset
	 * each other's.
	 */
	@Override
	public void afterPropertiesSet() throws Exception {
		synchronized (StorageMigration.class) {
			migrate();
		}
		log.info("Storage migrations applied ({} MongoDB, database '{}')", mode.kind(), mode.database());
	}

	private void migrate() throws Exception {
		Scope.child(scopeValues(), () -> {
			MongoLiquibaseDatabase database = open();
			try {
				releaseStaleLock(database);
				new CommandScope(UpdateCommandStep.COMMAND_NAME)
					.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
					.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
					.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
					.execute();
			}
			finally {
				LockServiceFactory.getInstance().resetAll();
				database.close();
			}
		});
	}

	/**
	 * Liquibase settings for this run only; scope values outrank defaults without
	 * touching system properties.
	 */
	private Map<String, Object> scopeValues() {
		ClassLoader classLoader = resourceLoader.getClassLoader();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put(Scope.Attr.resourceAccessor.name(), new SpringResourceAccessor(resourceLoader));
		values.put(Scope.Attr.classLoader.name(),
				classLoader != null ? classLoader : StorageMigration.class.getClassLoader());
		values.put("liquibase.analytics.enabled", Boolean.FALSE);
		values.put("liquibase.mongodb.supportsValidator", Boolean.FALSE);
		values.put("liquibase.showBanner", Boolean.FALSE);
		values.put(Scope.Attr.ui.name(), new LoggerUIService());
		return values;
	}

	private MongoLiquibaseDatabase open() throws Exception {
		Properties properties = new Properties();
		properties.setProperty("appName", APP_NAME);
		MongoConnection connection = new MongoConnection();
		connection.open(connectionString, new MongoClientDriver(), properties);
		MongoLiquibaseDatabase database = new MongoLiquibaseDatabase();
		database.setSupportsValidator(false);
		database.setConnection(connection);
		return database;
	}

	private void releaseStaleLock(MongoLiquibaseDatabase database) throws Exception {
		LockService lockService = LockServiceFactory.getInstance().getLockService(database);
		Instant now = clock.instant();
		for (DatabaseChangeLogLock lock : lockService.listLocks()) {
			Instant granted = lock.getLockGranted() == null ? Instant.EPOCH : lock.getLockGranted().toInstant();
			boolean stale = mode.isEmbedded() || granted.isBefore(now.minus(staleLockAfter));
			if (!stale) {
				log.info("Liquibase lock held by '{}' since {}; waiting for it", lock.getLockedBy(), granted);
			}
			else if (releaseIfUnchanged(database, lock)) {
				log.warn("Released stale Liquibase lock held by '{}' since {} (left by an interrupted run)",
						lock.getLockedBy(), granted);
			}
		}
	}

	/**
	 * Compare-and-set on the lock document: releases exactly the lock judged stale. If
	 * another instance released it and took it meanwhile, the filter no longer matches
	 * and its fresh lock is left alone.
	 */
	private static boolean releaseIfUnchanged(MongoLiquibaseDatabase database, DatabaseChangeLogLock lock) {
		Document filter = new Document("_id", lock.getId()).append("locked", true)
			.append("lockedBy", lock.getLockedBy())
			.append("lockGranted", lock.getLockGranted());
		return database.getMongoDatabase()
			.getCollection(database.getDatabaseChangeLogLockTableName())
			.updateOne(filter, new Document("$set", new Document("locked", false)))
			.getModifiedCount() == 1;
	}

}
