package dev.billforge.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * Local accounts. Errors are {@link dev.billforge.common.ProblemException}s with stable
 * codes that the pages turn into messages: {@code invalid_email},
 * {@code password_too_short}, {@code password_too_long}, {@code reset_invalid},
 * {@code verification_invalid}, {@code throttled}. No answer depends on whether an
 * address has an account (no account enumeration): what differs is told by mail to the
 * address.
 */
public interface Accounts {

	/**
	 * Signs up: a new account gets a verification mail; for an address that has an
	 * account already, the address gets a mail saying so (and nothing changes). The
	 * caller cannot tell the two apart. {@code language} (the page's language) is kept
	 * for the person's mails.
	 */
	void signUp(String email, String password, Locale language);

	default void signUp(String email, String password) {
		signUp(email, password, Locale.ENGLISH);
	}

	Optional<Account> find(String email);

	/**
	 * Mails a new verification link to an unverified account (throttled; silent
	 * otherwise).
	 */
	void resendVerification(String email, Locale requesterLanguage);

	/**
	 * Marks the link's account verified; the link works once and expires. @return the
	 * account's email
	 */
	String verifyEmail(String token);

	/**
	 * Emails a reset link when the account exists; says nothing either way (no account
	 * probing). Throttled per address and per client ({@code client}: e.g. the remote
	 * address) alike for known and unknown addresses. The mail is in the account's
	 * language, or {@code requesterLanguage}.
	 */
	void requestPasswordReset(String email, String client, Locale requesterLanguage);

	/**
	 * Sets a new password with a reset (or operator set-password) token; the token works
	 * once and expires. It also proves the address (the account becomes verified), lifts
	 * the sign-in lockout of the account and ends every session of the account signed in
	 * before.
	 */
	void resetPassword(String token, String newPassword);

	/**
	 * Creates an operator account for {@code email}, or promotes the existing account of
	 * that address, and mails a one-time, expiring link to set its password. Promoting an
	 * existing account clears its password and ends its sessions: whoever signed up with
	 * the address first does not keep access.
	 */
	OperatorSetup createOperator(String email);

	int minimumPasswordLength();

}
