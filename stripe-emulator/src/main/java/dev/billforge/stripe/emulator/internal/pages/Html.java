package dev.billforge.stripe.emulator.internal.pages;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Page frame with the test-mode banner, escaping and response helpers. */
final class Html {

	static final String BANNER = "TEST MODE — payments are simulated";

	private Html() {
	}

	static String esc(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder sb = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
				case '<' -> sb.append("&lt;");
				case '>' -> sb.append("&gt;");
				case '&' -> sb.append("&amp;");
				case '"' -> sb.append("&quot;");
				case '\'' -> sb.append("&#39;");
				default -> sb.append(c);
			}
		}
		return sb.toString();
	}

	static String page(String title, String body) {
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + "<title>" + esc(title)
				+ " · Stripe emulator</title><style>"
				+ "body{font-family:system-ui,sans-serif;margin:0;background:#f6f8fa;color:#1a1f36}"
				+ ".banner{background:#ffb020;color:#3d2600;font-weight:700;text-align:center;padding:10px;"
				+ "letter-spacing:.02em}"
				+ "main{max-width:560px;margin:32px auto;background:#fff;border-radius:8px;padding:24px;"
				+ "box-shadow:0 1px 3px rgba(0,0,0,.12)}"
				+ "table{width:100%;border-collapse:collapse}td{padding:6px 0;border-bottom:1px solid #eee}"
				+ "td.r{text-align:right}label{display:block;margin:8px 0}"
				+ "button{background:#635bff;color:#fff;border:0;border-radius:6px;padding:10px 16px;font-size:1rem;"
				+ "cursor:pointer;margin:4px 0}button.secondary{background:#e3e8ee;color:#1a1f36}"
				+ ".error{background:#fde8e8;color:#8a1c1c;padding:10px;border-radius:6px}"
				+ ".note{color:#697386;font-size:.9rem;word-break:break-all}input[type=email],select{padding:8px;width:100%;"
				+ "box-sizing:border-box}</style></head><body>" + "<div class=\"banner\" role=\"alert\">" + BANNER
				+ "</div><main>" + body + "</main></body></html>";
	}

	static void send(HttpExchange ex, int status, String html) throws IOException {
		byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		ex.getResponseHeaders().set("Cache-Control", "no-store");
		ex.sendResponseHeaders(status, bytes.length);
		try (OutputStream os = ex.getResponseBody()) {
			os.write(bytes);
		}
	}

	static void redirect(HttpExchange ex, String location) throws IOException {
		ex.getResponseHeaders().set("Location", location);
		ex.sendResponseHeaders(303, -1);
	}

	static void notFound(HttpExchange ex, String what) throws IOException {
		send(ex, 404, page("Not found", "<h1>Not found</h1><p>" + esc(what) + "</p>"));
	}

}
