package dev.billforge.web.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The page language: {@code ?lang=de} (remembered in a cookie), else the cookie, else the
 * browser's Accept-Language, else English. Done as a filter that sets the request's
 * locale, so Spring's default locale resolver (and error pages) see it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class LanguageFilter extends OncePerRequestFilter {

	/**
	 * Languages the bundles cover; the first is the fallback. Add a language here and as
	 * a bundle.
	 */
	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

	static final String COOKIE = "bf-lang";

	/**
	 * Error pages are rendered in a separate (error) dispatch; they must speak the same
	 * language.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Locale chosen = supported(request.getParameter("lang"));
		if (chosen != null) {
			Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
			cookie.setPath("/");
			cookie.setHttpOnly(true);
			cookie.setSecure(request.isSecure());
			cookie.setMaxAge(365 * 24 * 3600);
			cookie.setAttribute("SameSite", "Lax");
			response.addCookie(cookie);
		}
		else if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					chosen = supported(cookie.getValue());
				}
			}
		}
		if (chosen == null) {
			for (Enumeration<Locale> wanted = request.getLocales(); wanted.hasMoreElements() && chosen == null;) {
				chosen = supported(wanted.nextElement().getLanguage());
			}
		}
		Locale locale = chosen == null ? LANGUAGES.get(0) : chosen;
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public Locale getLocale() {
				return locale;
			}

			@Override
			public Enumeration<Locale> getLocales() {
				return Collections.enumeration(List.of(locale));
			}

		}, response);
	}

	static Locale supported(String language) {
		if (language == null) {
			return null;
		}
		return LANGUAGES.stream()
			.filter(l -> l.getLanguage().equalsIgnoreCase(language.strip()))
			.findFirst()
			.orElse(null);
	}

}
