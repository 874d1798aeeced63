package dev.billforge.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Storage settings under {@code billforge.storage}.
 */
@ConfigurationProperties("billforge.storage")
public class StorageProperties {

	/**
	 * Data directory. Defaults to env BILLFORGE_DATA_DIR, else
	 * ./data/${spring.application.name}.
	 */
	private @Nullable Path dataDir;

	private final Migration migration = new Migration();

	public @Nullable Path getDataDir() {
		return dataDir;
	}

	public void setDataDir(@Nullable Path dataDir) {
		this.dataDir = dataDir;
	}

	public Migration getMigration() {
		return migration;
	}

	public static class Migration {

		/**
		 * Master changelog run at startup.
		 */
		private String changelog = "db/changelog/billforge-master.yaml";

		/**
		 * On an external MongoDB, a Liquibase lock held longer than this is treated as
		 * left behind by a crashed run and released. (On the embedded server every lock
		 * found at startup is stale, since the data file is exclusively locked by this
		 * process.)
		 */
		private Duration staleLockAfter = Duration.ofMinutes(10);

		public String getChangelog() {
			return changelog;
		}

		public void setChangelog(String changelog) {
			this.changelog = changelog;
		}

		public Duration getStaleLockAfter() {
			return staleLockAfter;
		}

		public void setStaleLockAfter(Duration staleLockAfter) {
			this.staleLockAfter = staleLockAfter;
		}

	}

}
