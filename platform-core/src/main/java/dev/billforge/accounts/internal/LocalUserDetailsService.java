package dev.billforge.accounts.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.billforge.accounts.Account;
import dev.billforge.accounts.AccountPrincipal;

/**
 * Form login's user store. After too many failed sign-ins from one client for one
 * address, that client is locked out of that address for the throttle window (Spring
 * Security then answers "locked" without checking the password) — for unknown addresses
 * exactly as for known ones.
 */
final class LocalUserDetailsService implements UserDetailsService {

	/**
	 * Password of a locked-out principal: never checked (the lock is), and matches
	 * nothing anyway.
	 */
	private static final String LOCKED = "{noop}" + java.util.UUID.randomUUID();

	private final MongoAccounts accounts;

	private final SignInThrottle failures;

	LocalUserDetailsService(MongoAccounts accounts, SignInThrottle failures) {
		this.accounts = accounts;
		this.failures = failures;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String email = MongoAccounts.normalise(username);
		// Checked before the account is looked up, so a locked unknown address answers
		// like a known one:
		// a locked principal makes Spring Security answer "locked" before any password
		// check.
		if (failures.locked(currentClient(), email)) {
			return new AccountPrincipal(email, LOCKED, true, List.of(), -1);
		}
		Account account = accounts.find(email).orElseThrow(() -> new UsernameNotFoundException("no such account"));
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_MEMBER"));
		if (account.operator() && account.verified()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
		}
		return new AccountPrincipal(email, accounts.passwordHash(email).orElseThrow(), false, authorities,
				account.sessionVersion());
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		failures.failed(client(event.getAuthentication()),
				MongoAccounts.normalise(String.valueOf(event.getAuthentication().getName())));
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		failures.succeeded(client(event.getAuthentication()),
				MongoAccounts.normalise(event.getAuthentication().getName()));
	}

	private static String client(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return currentClient();
	}

	/**
	 * The remote address of the request being served (behind a proxy: set
	 * server.forward-headers-strategy).
	 */
	static String currentClient() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return String.valueOf(request.getRemoteAddr());
		}
		return "local";
	}

}
