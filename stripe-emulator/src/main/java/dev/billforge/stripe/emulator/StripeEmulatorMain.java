package dev.billforge.stripe.emulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator on its own, for clicking through hosted pages or pointing a locally
 * started app at it:
 * {@code java -cp ... dev.billforge.stripe.emulator.StripeEmulatorMain --port 12111 --state target/stripe
 * --webhook http://127.0.0.1:8080/stripe/webhook}. In a container:
 * {@code --host 0.0.0.0 --public-url
 * http://localhost:12111} (browsers reach the hosted pages through the published port).
 * Stops on SIGTERM/Ctrl-C.
 */
public final class StripeEmulatorMain {

	private StripeEmulatorMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmulatorConfig.Builder config = EmulatorConfig.builder().port(12111);
		String webhook = null;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--port" -> config.port(Integer.parseInt(args[i + 1]));
				case "--state" -> config.stateDirectory(Path.of(args[i + 1]));
				case "--public-url" -> config.publicBaseUrl(args[i + 1]);
				case "--host" -> config.bindAddress(args[i + 1]);
				case "--webhook" -> webhook = args[i + 1];
				default -> throw new IllegalArgumentException(
						"unknown option " + args[i] + " (use --port, --host, --state, --public-url, --webhook)");
			}
		}
		StripeEmulator emulator = StripeEmulator.start(config.build());
		System.out.println("Stripe emulator (test mode, payments are simulated) at " + emulator.baseUrl());
		if (webhook != null) {
			System.out.println("Webhook " + webhook + " secret " + emulator.registerWebhookEndpoint(webhook).secret());
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}));
		stopped.await();
	}

}
