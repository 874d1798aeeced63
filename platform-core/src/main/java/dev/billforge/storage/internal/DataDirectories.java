package dev.billforge.storage.internal;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Resolves the data directory: {@code billforge.storage.data-dir}, else env
 * {@code BILLFORGE_DATA_DIR}, else {@code ./data/${spring.application.name}} (or
 * {@code ./data/billforge} without an application name).
 */
public final class DataDirectories {

	public static final String ENV_DATA_DIR = "BILLFORGE_DATA_DIR";

	private DataDirectories() {
	}

	public static Path resolve(@Nullable Path configured, Environment environment) {
		Path dir;
		if (configured != null) {
			dir = configured;
		}
		else {
			String fromEnv = environment.getProperty(ENV_DATA_DIR);
			if (StringUtils.hasText(fromEnv)) {
				dir = Path.of(fromEnv.trim());
			}
			else {
				String app = environment.getProperty("spring.application.name");
				dir = Path.of("data", StringUtils.hasText(app) ? app.trim() : "billforge");
			}
		}
		return dir.toAbsolutePath().normalize();
	}

}
