package dev.billforge.identity.keycloak;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * A minimal browser for the ITs: java.net.http with a cookie jar and redirects followed,
 * plus helpers to fill Keycloak's real login form and the app's forms.
 */
public final class BrowserSession {

	private final CookieJar cookies = new CookieJar();

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return client.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Opens {@code appUrl}, expects to be sent to Keycloak's login form, submits it and
	 * returns the page finally reached.
	 */
	public HttpResponse<String> signIn(String appUrl, String username, String password)
			throws IOException, InterruptedException {
		HttpResponse<String> loginPage = get(appUrl);
		String action = loginFormAction(loginPage);
		return post(action, Map.of("username", username, "password", password, "credentialId", ""));
	}

	/** The action URL of Keycloak's login form (id kc-form-login) on the given page. */
	public static String loginFormAction(HttpResponse<String> page) {
		Matcher form = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL).matcher(page.body());
		if (!form.find()) {
			throw new AssertionError("Expected Keycloak's login form at " + page.uri() + " (HTTP " + page.statusCode()
					+ "), got:\n" + abbreviate(page.body()));
		}
		Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
		if (!action.find()) {
			throw new AssertionError("Keycloak's login form has no action: " + form.group());
		}
		return HtmlUtils.htmlUnescape(action.group(1));
	}

	/** Value of the hidden _csrf field of the app's page. */
	public static String csrfToken(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("No _csrf field in:\n" + abbreviate(html));
		}
		return matcher.group(1);
	}

	public static String abbreviate(String text) {
		return text.length() > 3000 ? text.substring(0, 3000) + "..." : text;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Cookie store that, like a browser on localhost, also sends Secure cookies over
	 * plain http (java.net.CookieManager drops them, and Keycloak marks its session
	 * cookies Secure).
	 */
	private static final class CookieJar extends CookieHandler {

		private final List<Stored> stored = new ArrayList<>();

		private record Stored(String host, HttpCookie cookie) {
		}

		@Override
		public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
			String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
			stored.removeIf(s -> s.cookie().hasExpired());
			String header = stored.stream()
				.filter(s -> s.host().equalsIgnoreCase(uri.getHost()))
				.filter(s -> s.cookie().getPath() == null || path.startsWith(s.cookie().getPath())
						|| (path + "/").equals(s.cookie().getPath()))
				.map(s -> s.cookie().getName() + "=" + s.cookie().getValue())
				.collect(Collectors.joining("; "));
			return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
		}

		@Override
		public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
			responseHeaders.forEach((name, values) -> {
				if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
					for (String value : values) {
						for (HttpCookie cookie : HttpCookie.parse(value)) {
							if (cookie.getPath() == null) {
								cookie.setPath("/");
							}
							stored.removeIf(s -> s.host().equalsIgnoreCase(uri.getHost())
									&& s.cookie().getName().equals(cookie.getName())
									&& s.cookie().getPath().equals(cookie.getPath()));
							if (!cookie.hasExpired()) {
								stored.add(new Stored(uri.getHost(), cookie));
							}
						}
					}
				}
			});
		}

	}

}
