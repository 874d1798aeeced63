package dev.billforge.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * Local accounts. Errors are {@link dev.billforge.common.ProblemException}s with stable codes that
 * the pages turn into messages: {@code invalid_email}, {@code password_too_short},
 * {@code password_too_long}, {@code email_taken}, {@code reset_invalid}, {@code throttled}.
 */
public interface Accounts {

	/** Creates an account; {@code language} (the page's language) is kept for the person's mails. */
	Account signUp(String email, String password, Locale language);

	default Account signUp(String email, String password) {
		return signUp(email, password, Locale.ENGLISH);
	}

	Optional<Account> find(String email);

	/**
	 * Emails a reset link ({@code linkBase} + token) when the account exists; says nothing either way
	 * (no account probing). Throttled per address. The mail is in the account's language, or in
	 * {@code requesterLanguage} for an account without one.
	 */
	void requestPasswordReset(String email, String linkBase, Locale requesterLanguage);

	default void requestPasswordReset(String email, String linkBase) {
		requestPasswordReset(email, linkBase, Locale.ENGLISH);
	}

	/** Sets a new password with a reset token; the token works once and expires. */
	void resetPassword(String token, String newPassword);

	int minimumPasswordLength();

}
