package dev.billforge.accounts;

import java.time.Instant;

/** A local account; {@code email} (lower case) is the sign-in name. */
public record Account(String email, Instant createdAt, boolean operator) {
}
