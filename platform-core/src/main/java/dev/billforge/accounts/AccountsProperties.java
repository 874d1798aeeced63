package dev.billforge.accounts;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code billforge.accounts.*}: local accounts (embedded default, no Keycloak).
 *
 * @param operators emails of accounts that get the operator role (e.g. {@code ops@example.com})
 * @param minimumPasswordLength shortest password accepted
 * @param maxFailedSignIns failed sign-ins per address within {@code throttleWindow} before it is locked for that window
 * @param maxResetRequests reset mails per address within {@code throttleWindow}
 * @param resetLinkValidity how long a reset link works
 */
@ConfigurationProperties("billforge.accounts")
public record AccountsProperties(List<String> operators, Integer minimumPasswordLength, Integer maxFailedSignIns,
		Integer maxResetRequests, Duration throttleWindow, Duration resetLinkValidity) {

	public AccountsProperties {
		operators = operators == null ? List.of() : operators.stream().map(e -> e.strip().toLowerCase()).toList();
		minimumPasswordLength = minimumPasswordLength == null ? 12 : minimumPasswordLength;
		maxFailedSignIns = maxFailedSignIns == null ? 5 : maxFailedSignIns;
		maxResetRequests = maxResetRequests == null ? 3 : maxResetRequests;
		throttleWindow = throttleWindow == null ? Duration.ofMinutes(15) : throttleWindow;
		resetLinkValidity = resetLinkValidity == null ? Duration.ofHours(1) : resetLinkValidity;
	}

}
