package dev.billforge.storage.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoriesTest {

	@Test
	void theConfiguredDirectoryWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("BILLFORGE_DATA_DIR", "/srv/env")
			.withProperty("spring.application.name", "docrouter");
		assertThat(DataDirectories.resolve(Path.of("/srv/configured"), environment))
			.isEqualTo(Path.of("/srv/configured"));
	}

	@Test
	void thenTheBillforgeDataDirVariable() {
		MockEnvironment environment = new MockEnvironment().withProperty("BILLFORGE_DATA_DIR", "/srv/env")
			.withProperty("spring.application.name", "docrouter");
		assertThat(DataDirectories.resolve(null, environment)).isEqualTo(Path.of("/srv/env"));
	}

	@Test
	void elseDataSlashTheApplicationNameUnderTheWorkingDirectory() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "docrouter");
		assertThat(DataDirectories.resolve(null, environment))
			.isEqualTo(Path.of("data", "docrouter").toAbsolutePath().normalize());
		assertThat(DataDirectories.resolve(null, new MockEnvironment()))
			.isEqualTo(Path.of("data", "billforge").toAbsolutePath().normalize());
	}

}
