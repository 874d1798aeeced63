package dev.billforge.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.billforge.accounts.Account;
import dev.billforge.accounts.AccountPrincipal;
import dev.billforge.accounts.Accounts;

/**
 * Re-reads the signed-in local account on every request: a session signed in before the
 * password was reset (or the account promoted) ends, and an account whose address is not
 * verified yet reaches only the "check your mail" page, its own outbox mail and the
 * verification link.
 */
final class AccountSessionFilter extends OncePerRequestFilter {

	/**
	 * What an unverified account may open (everything else redirects to the "check your
	 * mail" page).
	 */
	private static final List<String> UNVERIFIED_MAY_OPEN = List.of("/check-mail", "/verify-email/", "/outbox",
			"/logout", "/login", "/error", "/brand.css", "/brand/", "/css/", "/js/", "/img/", "/images/", "/webjars/",
			"/favicon");

	private final Accounts accounts;

	AccountSessionFilter(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Account> account = accounts.find(principal.getUsername());
		if (account.isEmpty() || account.get().sessionVersion() != principal.sessionVersion()) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + "/login");
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!account.get().verified() && UNVERIFIED_MAY_OPEN.stream().noneMatch(path::startsWith)) {
			response.sendRedirect(request.getContextPath() + "/check-mail");
			return;
		}
		chain.doFilter(request, response);
	}

}
