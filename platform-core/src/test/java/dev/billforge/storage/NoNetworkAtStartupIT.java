package dev.billforge.storage;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquibase phones home (analytics, remote config) over HttpURLConnection unless told not
 * to; every such connection asks the default {@link ProxySelector} first, so recording it
 * catches any attempt.
 */
// Alone: the JVM-wide proxy selector would also record other classes' calls (OTLP exports
// seen in CI).
@Isolated
class NoNetworkAtStartupIT {

	@Test
	void startupMakesNoHttpCalls() {
		List<URI> requested = new CopyOnWriteArrayList<>();
		ProxySelector previous = ProxySelector.getDefault();
		ProxySelector.setDefault(new ProxySelector() {
			@Override
			public List<Proxy> select(URI uri) {
				if (uri.getScheme() != null && uri.getScheme().startsWith("http")) {
					requested.add(uri);
				}
				return List.of(Proxy.NO_PROXY);
			}

			@Override
			public void connectFailed(URI uri, SocketAddress address, IOException ex) {
			}
		});
		try (TestStorage storage = TestStorage.create();
				ConfigurableApplicationContext context = storage.run(TestApplication.class)) {
			assertThat(context.isRunning()).isTrue();
		}
		finally {
			ProxySelector.setDefault(previous);
		}
		assertThat(requested).isEmpty();
	}

}
