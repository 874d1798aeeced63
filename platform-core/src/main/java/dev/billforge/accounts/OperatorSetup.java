package dev.billforge.accounts;

import java.time.Instant;

/**
 * An operator account made or promoted by {@link Accounts#createOperator}: its one-time
 * set-password link.
 */
public record OperatorSetup(String email, String setPasswordLink, Instant expiresAt) {
}
