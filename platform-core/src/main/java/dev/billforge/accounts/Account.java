package dev.billforge.accounts;

import java.time.Instant;
import java.util.Locale;

/**
 * A local account; {@code email} (lower case) is the sign-in name.
 *
 * @param language the language the person signed up in (their mails use it), or null for accounts
 *                 created before languages were stored
 */
public record Account(String email, Instant createdAt, boolean operator, Locale language) {
}
