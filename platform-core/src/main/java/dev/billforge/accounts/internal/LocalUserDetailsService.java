package dev.billforge.accounts.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import dev.billforge.accounts.Account;

/**
 * Form login's user store. After too many failed sign-ins an address is locked for the throttle
 * window (Spring Security then answers "locked" without checking the password).
 */
final class LocalUserDetailsService implements UserDetailsService {

	private final MongoAccounts accounts;

	private final Throttle failures;

	LocalUserDetailsService(MongoAccounts accounts, Throttle failures) {
		this.accounts = accounts;
		this.failures = failures;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String email = MongoAccounts.normalise(username);
		Account account = accounts.find(email).orElseThrow(() -> new UsernameNotFoundException("no such account"));
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_MEMBER"));
		if (account.operator()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
		}
		return User.withUsername(email)
			.password(accounts.passwordHash(email).orElseThrow())
			.authorities(authorities)
			.accountLocked(failures.blocked(email))
			.build();
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		failures.record(MongoAccounts.normalise(String.valueOf(event.getAuthentication().getName())));
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		failures.reset(MongoAccounts.normalise(event.getAuthentication().getName()));
	}

}
