package dev.billforge.notifications.internal;

import java.net.InetAddress;
import java.net.URI;

import dev.billforge.common.ProblemException;

/** Outgoing webhooks go to https URLs; plain http only to this machine, for development. */
final class WebhookUrls {

	private WebhookUrls() {
	}

	static void requireAllowed(String url) {
		URI uri;
		try {
			uri = URI.create(url == null ? "" : url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("url", "url is not a valid URL");
		}
		String scheme = uri.getScheme();
		if (uri.getHost() == null || scheme == null) {
			throw ProblemException.invalid("url", "url must be an absolute https URL");
		}
		boolean loopback = isLoopback(uri.getHost());
		if (!"https".equals(scheme) && !("http".equals(scheme) && loopback)) {
			throw ProblemException.invalid("url", "url must use https (http only for localhost)");
		}
	}

	private static boolean isLoopback(String host) {
		if (host.equals("localhost")) {
			return true;
		}
		try {
			return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]") && InetAddress.getByName(host.replace("[", "").replace("]", ""))
				.isLoopbackAddress();
		}
		catch (Exception ex) {
			return false;
		}
	}

}
