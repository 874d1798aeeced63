package dev.billforge.billing.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The webhook signing secrets in force: configured ones, plus the emulator's once its
 * endpoint is registered.
 */
final class WebhookSecrets {

	private final List<String> secrets = new CopyOnWriteArrayList<>();

	WebhookSecrets(List<String> configured) {
		configured.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(secrets::add);
	}

	void add(String secret) {
		if (!secrets.contains(secret)) {
			secrets.add(secret);
		}
	}

	List<String> all() {
		return List.copyOf(secrets);
	}

}
