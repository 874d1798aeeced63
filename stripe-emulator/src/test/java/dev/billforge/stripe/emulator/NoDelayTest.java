package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The JDK HTTP server writes a response's headers and body separately; without
 * TCP_NODELAY the body waits for the client's delayed ACK, about 40 ms on every emulator
 * call (it made WebhookChaosIT three times slower). The server reads the switch once, so
 * the emulator sets it before its first server starts.
 */
class NoDelayTest {

	@Test
	void theEmulatorsServerSendsWithoutWaitingForDelayedAcks() {
		try (StripeEmulator emulator = StripeEmulator.start(EmulatorConfig.builder().build())) {
			assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
			assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
		}
	}

}
