package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import dev.billforge.billing.BillingProperties;
import dev.billforge.storage.StorageMode;

/**
 * Real money never runs on the embedded store, which can lose the last second of writes
 * in a crash.
 */
class LiveKeyOnEmbeddedStorageTest {

	static final StorageMode EMBEDDED = new StorageMode(StorageMode.Kind.EMBEDDED, Path.of("/tmp/x"), "billforge");

	static final StorageMode EXTERNAL = new StorageMode(StorageMode.Kind.EXTERNAL, Path.of("/tmp/x"), "billforge");

	private static StripeBackend backend(String key, StorageMode storage) {
		BillingProperties properties = new BillingProperties();
		properties.setStripeSecretKey(key);
		return new StripeConfiguration().stripeBackend(properties, new MockEnvironment(), storage);
	}

	@Test
	void aLiveKeyWithTheEmbeddedStoreRefusesToStartAndSaysWhy() {
		for (String key : new String[] { "sk_live_abc", "rk_live_abc" }) {
			assertThatThrownBy(() -> backend(key, EMBEDDED))
				.isInstanceOfSatisfying(LiveKeyOnEmbeddedStorageException.class, ex -> {
					FailureAnalysis analysis = new LiveKeyOnEmbeddedStorageFailureAnalyzer().analyze(ex);
					assertThat(analysis.getDescription()).contains("sk_live_").contains("embedded");
					assertThat(analysis.getAction()).contains("MONGODB_URI");
				});
		}
	}

	@Test
	void aLiveKeyStartsOnARealDatabaseAndATestKeyOnTheEmbeddedStore() {
		assertThat(backend("sk_live_abc", EXTERNAL).secretKey()).isEqualTo("sk_live_abc");
		assertThat(backend("sk_test_abc", EMBEDDED).secretKey()).isEqualTo("sk_test_abc");
	}

}
