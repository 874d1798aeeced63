package dev.billforge.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code billforge.accounts.*}: local accounts (embedded default, no Keycloak). Operators
 * are not configured here: {@code accounts create-operator --email ...} or the operator
 * API makes them.
 *
 * @param minimumPasswordLength shortest password accepted
 * @param maxFailedSignIns failed sign-ins per address <em>from one client</em> within
 * {@code throttleWindow} before that client is locked out of that address for the window
 * (others are not)
 * @param maxFailedSignInsPerClient failed sign-ins from one client, over all addresses,
 * within the window
 * @param maxResetRequests reset (and verification) mails per address within
 * {@code throttleWindow}
 * @param maxResetRequestsPerClient reset requests from one client, over all addresses,
 * within the window
 * @param resetLinkValidity how long a reset link works
 * @param verificationLinkValidity how long an email verification link works
 * @param operatorLinkValidity how long an operator's set-password link works
 */
@ConfigurationProperties("billforge.accounts")
public record AccountsProperties(Integer minimumPasswordLength, Integer maxFailedSignIns,
		Integer maxFailedSignInsPerClient, Integer maxResetRequests, Integer maxResetRequestsPerClient,
		Duration throttleWindow, Duration resetLinkValidity, Duration verificationLinkValidity,
		Duration operatorLinkValidity) {

	public AccountsProperties {
		minimumPasswordLength = minimumPasswordLength == null ? 12 : minimumPasswordLength;
		maxFailedSignIns = maxFailedSignIns == null ? 5 : maxFailedSignIns;
		maxFailedSignInsPerClient = maxFailedSignInsPerClient == null ? 50 : maxFailedSignInsPerClient;
		maxResetRequests = maxResetRequests == null ? 3 : maxResetRequests;
		maxResetRequestsPerClient = maxResetRequestsPerClient == null ? 20 : maxResetRequestsPerClient;
		throttleWindow = throttleWindow == null ? Duration.ofMinutes(15) : throttleWindow;
		resetLinkValidity = resetLinkValidity == null ? Duration.ofHours(1) : resetLinkValidity;
		verificationLinkValidity = verificationLinkValidity == null ? Duration.ofHours(24) : verificationLinkValidity;
		operatorLinkValidity = operatorLinkValidity == null ? Duration.ofHours(24) : operatorLinkValidity;
	}

}
