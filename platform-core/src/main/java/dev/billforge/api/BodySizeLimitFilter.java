package dev.billforge.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies above their limit with 413, whether or not the client declared a
 * length: {@code /api/**} bodies, {@code /stripe/webhook} bodies and every other body
 * (web forms) each have their own limit ({@link ApiProperties}). Multipart uploads from
 * pages are bounded by the multipart settings. Form parameters are parsed by the
 * container, past any stream wrapper, so a form must declare its length (browsers always
 * do); one that does not is refused with 411. OTLP exports ({@code /v1/traces},
 * {@code /v1/metrics}, {@code /v1/logs}) are left to the receiver, which bounds them
 * after decompression and answers in OTLP's own error shape.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

	static final String WEBHOOK = "/stripe/webhook";

	private static final java.util.Set<String> OTLP = java.util.Set.of("/v1/traces", "/v1/metrics", "/v1/logs");

	private final long apiLimit;

	private final long webhookLimit;

	private final long formLimit;

	BodySizeLimitFilter(ApiProperties properties) {
		this.apiLimit = properties.getMaxBodySize().toBytes();
		this.webhookLimit = properties.getMaxWebhookBodySize().toBytes();
		this.formLimit = properties.getMaxFormBodySize().toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// uploads from web pages are bounded by the multipart settings; API uploads by
		// the API limit
		if (OTLP.contains(request.getRequestURI())) {
			return true; // an exporter's uncompressed batch is often past the form limit:
							// the receiver's own bound applies
		}
		return isMultipart(request) && !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		boolean page = !path.startsWith("/api/") && !path.equals(WEBHOOK);
		long limit = path.startsWith("/api/") ? apiLimit : path.equals(WEBHOOK) ? webhookLimit : formLimit;
		if (request.getContentLengthLong() > limit) {
			refuse(response, page, 413, "payload_too_large", "request body is larger than " + limit + " bytes");
			return;
		}
		if (page && request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null
				&& isForm(request)) {
			refuse(response, true, 411, "length_required", "a form body must declare its length");
			return;
		}
		try {
			chain.doFilter(new Limited(request, limit), response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (causedByLimit(ex) && !response.isCommitted()) {
				response.reset();
				refuse(response, page, 413, "payload_too_large", "request body is larger than " + limit + " bytes");
				return;
			}
			throw ex;
		}
	}

	/** problem+json for machines; a short page for people (no stack trace either way). */
	private static void refuse(HttpServletResponse response, boolean page, int status, String code, String detail)
			throws IOException {
		if (!page) {
			ProblemWriter.writeStatic(response, status, code, detail);
			return;
		}
		response.setStatus(status);
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream()
			.write(("<!DOCTYPE html><html><head><title>Request too large</title></head><body><h1>Request too large</h1>"
					+ "<p>" + detail + ". Go back and shorten what you entered.</p></body></html>")
				.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private static boolean causedByLimit(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof TooLarge) {
				return true;
			}
		}
		return false;
	}

	static final class TooLarge extends IOException {

		TooLarge() {
			super("request body too large");
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0 && ++read > limit) {
						throw new TooLarge();
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int off, int len) throws IOException {
					int n = in.read(buffer, off, len);
					if (n > 0 && (read += n) > limit) {
						throw new TooLarge();
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}

	}

}
