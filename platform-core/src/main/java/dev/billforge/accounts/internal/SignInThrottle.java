package dev.billforge.accounts.internal;

import java.time.Clock;

import dev.billforge.accounts.AccountsProperties;

/**
 * Failed sign-ins counted per client <em>and</em> account together, so a stranger failing
 * against the operator's address locks out only themselves, plus per client over all
 * accounts (password spraying). A completed password reset lifts an account's lockout for
 * every client.
 */
final class SignInThrottle {

	private final Throttle pairs;

	private final Throttle clients;

	SignInThrottle(AccountsProperties properties, Clock clock) {
		this.pairs = new Throttle(properties.maxFailedSignIns(), properties.throttleWindow(), clock);
		this.clients = new Throttle(properties.maxFailedSignInsPerClient(), properties.throttleWindow(), clock);
	}

	private static String account(String email) {
		return Throttle.key("account", email) + ":";
	}

	private static String pair(String client, String email) {
		return account(email) + Throttle.key("client", client);
	}

	boolean locked(String client, String email) {
		return pairs.blocked(pair(client, email)) || clients.blocked(Throttle.key("client", client));
	}

	void failed(String client, String email) {
		pairs.record(pair(client, email));
		clients.record(Throttle.key("client", client));
	}

	void succeeded(String client, String email) {
		pairs.reset(pair(client, email));
	}

	/** After a verified reset: the account's lockout ends for every client. */
	void unlock(String email) {
		pairs.resetPrefix(account(email));
	}

}
