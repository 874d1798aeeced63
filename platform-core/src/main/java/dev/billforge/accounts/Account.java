package dev.billforge.accounts;

import java.time.Instant;
import java.util.Locale;

/**
 * A local account; {@code email} (lower case) is the sign-in name.
 *
 * @param operator holds the operator role: set only by {@link Accounts#createOperator}
 * (the operator command or the operator API), never by the address someone signs up with
 * @param language the language the person signed up in (their mails use it), or null for
 * accounts created before languages were stored
 * @param verified the person proved they read mail to {@code email} (verification link or
 * password reset); until then they can only reach the "check your mail" page
 * @param sessionVersion raised when the password changes: sessions signed in under an
 * older version end
 */
public record Account(String email, Instant createdAt, boolean operator, Locale language, boolean verified,
		int sessionVersion) {
}
