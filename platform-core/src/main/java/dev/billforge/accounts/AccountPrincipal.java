package dev.billforge.accounts;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in local account, as form login puts it into the session.
 * {@code sessionVersion} is the account's at sign-in: once a password reset raised it,
 * the session is over (the web app checks it on every request).
 */
public class AccountPrincipal extends User {

	private static final long serialVersionUID = 1L;

	private final int sessionVersion;

	public AccountPrincipal(String email, String passwordHash, boolean locked,
			Collection<? extends GrantedAuthority> authorities, int sessionVersion) {
		super(email, passwordHash, true, true, true, !locked, authorities);
		this.sessionVersion = sessionVersion;
	}

	public int sessionVersion() {
		return sessionVersion;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
