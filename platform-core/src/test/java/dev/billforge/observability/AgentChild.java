package dev.billforge.observability;

import java.io.IOException;
import java.time.ZoneId;

import org.springframework.context.ConfigurableApplicationContext;

import dev.billforge.orgs.Org;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;

/**
 * The application {@link AgentSpansIT} starts in a child JVM with the OpenTelemetry Java
 * agent attached: fresh embedded storage, one org with an API key, then
 * {@code READY <port> <org> <key>} on stdout; it stops when its stdin closes.
 */
public final class AgentChild {

	private AgentChild() {
	}

	public static void main(String[] args) throws IOException {
		try (TestStorage storage = TestStorage.embedded();
				ConfigurableApplicationContext app = storage.run(TestApplication.class, args)) {
			Org org = app.getBean(Orgs.class).create("Agent " + System.nanoTime(), ZoneId.of("UTC"));
			String key = app.getBean(Orgs.class).createApiKey(org.id(), "agent").key();
			System.out.println("READY " + app.getEnvironment().getProperty("local.server.port") + " " + org.id().value()
					+ " " + key);
			System.out.flush();
			while (System.in.read() >= 0) {
				// until the test closes our stdin
			}
		}
	}

}
