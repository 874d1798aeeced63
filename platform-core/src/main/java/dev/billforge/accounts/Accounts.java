package dev.billforge.accounts;

import java.util.Optional;

/**
 * Local accounts. Errors are {@link dev.billforge.common.ProblemException}s with stable codes that
 * the pages turn into messages: {@code invalid_email}, {@code password_too_short},
 * {@code password_too_long}, {@code email_taken}, {@code reset_invalid}, {@code throttled}.
 */
public interface Accounts {

	Account signUp(String email, String password);

	Optional<Account> find(String email);

	/**
	 * Emails a reset link ({@code linkBase} + token) when the account exists; says nothing either way
	 * (no account probing). Throttled per address.
	 */
	void requestPasswordReset(String email, String linkBase);

	/** Sets a new password with a reset token; the token works once and expires. */
	void resetPassword(String token, String newPassword);

	int minimumPasswordLength();

}
