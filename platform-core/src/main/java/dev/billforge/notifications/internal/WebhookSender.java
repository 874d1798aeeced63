package dev.billforge.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one webhook over HTTP/1.1 to the address {@link WebhookTargets} checked — not to
 * whatever the name resolves to a moment later — with the URL's host in {@code Host}, TLS
 * SNI and certificate check. Reads only the status line: redirects are not followed.
 * Connect, read and a whole-request deadline are short, so a slow endpoint costs one
 * delivery thread a few seconds. What went wrong is logged here; the org's delivery log
 * gets only a generic text, so it cannot be used to probe hosts or ports.
 */
final class WebhookSender implements AutoCloseable {

	static final String UNREACHABLE = "no valid HTTP answer from the endpoint";

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private static final int MAX_STATUS_LINE = 256;

	private final WebhookTargets targets;

	private final SSLSocketFactory tls;

	private final ScheduledExecutorService watchdog;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final Duration deadline;

	WebhookSender(WebhookTargets targets, SSLSocketFactory tls, ScheduledExecutorService watchdog,
			WebhookDeliveryProperties properties) {
		this.targets = targets;
		this.tls = tls;
		this.watchdog = watchdog;
		this.connectTimeout = properties.connectTimeout();
		this.readTimeout = properties.readTimeout();
		this.deadline = properties.deadline();
	}

	/**
	 * Sends and returns {@code null} when answered 2xx, else the text for the delivery
	 * log.
	 */
	String post(String url, Map<String, String> headers, String body) {
		URI uri;
		InetAddress address;
		try {
			uri = targets.parse(url);
			address = targets.resolveForDelivery(uri);
		}
		catch (WebhookTargets.NotAllowed ex) {
			return "target not allowed: " + ex.getMessage();
		}
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
		Socket raw = new Socket();
		ScheduledFuture<?> kill = watchdog.schedule(() -> closeQuietly(raw), deadline.toMillis(),
				TimeUnit.MILLISECONDS);
		try (raw) {
			raw.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
			raw.setSoTimeout((int) readTimeout.toMillis());
			Socket socket = https ? tls(raw, WebhookTargets.host(uri), port) : raw;
			write(socket.getOutputStream(), uri, port, https, headers, body);
			int status = status(socket.getInputStream());
			if (status / 100 == 2) {
				return null;
			}
			return status / 100 == 3 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
		}
		catch (IOException | RuntimeException ex) {
			log.info("Webhook delivery to {} ({}:{}) failed: {}", uri.getHost(), address.getHostAddress(), port,
					ex.toString());
			return UNREACHABLE;
		}
		finally {
			kill.cancel(false);
		}
	}

	private Socket tls(Socket raw, String host, int port) throws IOException {
		SSLSocket socket = (SSLSocket) tls.createSocket(raw, host, port, true);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (!host.contains(":") && !Character.isDigit(host.charAt(host.length() - 1))) {
			parameters.setServerNames(List.of(new SNIHostName(host)));
		}
		socket.setSSLParameters(parameters);
		socket.startHandshake();
		return socket;
	}

	private static void write(OutputStream out, URI uri, int port, boolean https, Map<String, String> headers,
			String body) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		if (uri.getRawQuery() != null) {
			path += "?" + uri.getRawQuery();
		}
		boolean defaultPort = uri.getPort() < 0 || port == (https ? 443 : 80);
		StringBuilder head = new StringBuilder("POST ").append(path)
			.append(" HTTP/1.1\r\n")
			.append("Host: ")
			.append(uri.getHost())
			.append(defaultPort ? "" : ":" + port)
			.append("\r\n")
			.append("User-Agent: Billforge-Webhooks\r\n")
			.append("Content-Type: application/json\r\n")
			.append("Content-Length: ")
			.append(content.length)
			.append("\r\n")
			.append("Connection: close\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(content);
		out.flush();
	}

	/**
	 * The status code of {@code HTTP/1.x NNN ...}; anything else is not an HTTP answer.
	 */
	private static int status(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (line.length() >= MAX_STATUS_LINE) {
				throw new IOException("status line too long");
			}
			line.append((char) c);
		}
		String text = line.toString().strip();
		if (!text.matches("HTTP/1\\.[01] [1-5][0-9][0-9]( .*)?")) {
			throw new IOException("not an HTTP/1.1 answer");
		}
		return Integer.parseInt(text.substring(9, 12));
	}

	@Override
	public void close() {
		watchdog.shutdownNow();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
