package dev.billforge.notifications;

import java.util.function.IntSupplier;

/**
 * Builds the links in mails (verification, password reset, invitation, operator
 * set-password) from the configured public base URL ({@code billforge.public-base-url} or
 * env {@code PUBLIC_BASE_URL}), never from the request's {@code Host} header, which the
 * sender of the request chooses. Only on the embedded default, without a configured URL,
 * the base is {@code http://localhost:<server port>}.
 */
public final class MailLinks {

	private final String configuredBase;

	private final IntSupplier port;

	public MailLinks(String configuredBase, IntSupplier port) {
		this.configuredBase = configuredBase == null || configuredBase.isBlank() ? null
				: configuredBase.strip().replaceAll("/+$", "");
		this.port = port;
	}

	/** The absolute link to {@code path} (starting with {@code /}, may carry a query). */
	public String to(String path) {
		return base() + (path.startsWith("/") ? path : "/" + path);
	}

	public String base() {
		return configuredBase != null ? configuredBase : "http://localhost:" + port.getAsInt();
	}

}
