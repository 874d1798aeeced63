package dev.billforge.identity.provisioning;

import java.util.List;

/**
 * What one provisioning run changed. An empty list means Keycloak already matched the
 * spec.
 *
 * @param realm realm name
 * @param changes human-readable changes, secrets never shown
 */
public record ProvisioningReport(String realm, List<String> changes) {

	public ProvisioningReport {
		changes = List.copyOf(changes);
	}

	public boolean changed() {
		return !changes.isEmpty();
	}

	/** Multi-line summary for logs and the command's output. */
	public String summary() {
		if (changes.isEmpty()) {
			return "Keycloak realm '" + realm + "' is up to date (no changes)";
		}
		return "Keycloak realm '" + realm + "' provisioned, " + changes.size() + " change(s):\n  - "
				+ String.join("\n  - ", changes);
	}
}
