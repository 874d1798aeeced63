package dev.billforge.notifications.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.billforge.common.ProblemException;

/**
 * Where an org's webhook may go. Checked when the URL is saved (a clear error for the
 * admin) and again when each delivery is sent, on the addresses the host resolves to
 * then: the sender connects to the address checked here, so a name that re-resolves to an
 * internal address (DNS rebinding) gains nothing. https only; plain http and loopback
 * targets only with the development switch
 * {@code billforge.notifications.webhooks.allow-loopback}.
 */
final class WebhookTargets {

	static final int MAX_URL_LENGTH = 2048;

	/** Resolves a host name; {@link InetAddress#getAllByName} outside tests. */
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/** A delivery target that may not be used; its message is safe to show the org. */
	static final class NotAllowed extends Exception {

		NotAllowed(String message) {
			super(message, null, false, false);
		}

	}

	private final boolean allowLoopback;

	private final Resolver resolver;

	WebhookTargets(boolean allowLoopback, Resolver resolver) {
		this.allowLoopback = allowLoopback;
		this.resolver = resolver;
	}

	boolean allowsLoopback() {
		return allowLoopback;
	}

	/**
	 * Checks a URL an admin saves; a host that does not resolve yet is checked again when
	 * sending.
	 */
	void requireAllowed(String url) {
		try {
			URI uri = parse(url);
			try {
				checkAll(uri, resolver.resolve(host(uri)));
			}
			catch (UnknownHostException ex) {
				// Nothing to connect to yet; every send resolves and checks again. Plain
				// http is for a
				// receiver on this machine only, which always resolves.
				if ("http".equalsIgnoreCase(uri.getScheme())) {
					throw new NotAllowed("url must use https (http only to this machine in development)");
				}
			}
		}
		catch (NotAllowed ex) {
			throw ProblemException.invalid("url", ex.getMessage());
		}
	}

	/**
	 * Resolves the target once for one delivery and returns the address to connect to.
	 */
	InetAddress resolveForDelivery(URI uri) throws NotAllowed {
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(host(uri));
		}
		catch (UnknownHostException ex) {
			throw new NotAllowed("host not found");
		}
		checkAll(uri, addresses);
		return addresses[0];
	}

	URI parse(String url) throws NotAllowed {
		if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
			throw new NotAllowed("url must be an absolute https URL of at most " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (java.net.URISyntaxException ex) {
			throw new NotAllowed("url is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new NotAllowed("url must be an absolute https URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw new NotAllowed("url may not contain a user name or password");
		}
		if (scheme.equals("http") && !allowLoopback) {
			throw new NotAllowed("url must use https");
		}
		return uri;
	}

	private void checkAll(URI uri, InetAddress[] addresses) throws NotAllowed {
		if (addresses.length == 0) {
			throw new NotAllowed("host not found");
		}
		for (InetAddress address : addresses) {
			if (ForbiddenAddresses.forbidden(address, allowLoopback)) {
				throw new NotAllowed("url must point to a public internet address");
			}
		}
		if ("http".equalsIgnoreCase(uri.getScheme())) {
			for (InetAddress address : addresses) {
				if (!address.isLoopbackAddress()) {
					throw new NotAllowed("url must use https (http only to this machine in development)");
				}
			}
		}
	}

	/**
	 * The host as the resolver takes it: IPv6 literals without brackets, names as
	 * written.
	 */
	static String host(URI uri) {
		String host = uri.getHost();
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

}
