package dev.billforge.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/** Writes problem+json from filters, where no controller advice runs. */
@Component
class ProblemWriter {

	void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
		writeStatic(response, status, code, detail);
	}

	static void writeStatic(HttpServletResponse response, int status, String code, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		String body = "{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
				+ ",\"code\":\"" + code + "\",\"detail\":\"" + escape(detail) + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	private static String title(int status) {
		return switch (status) {
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 413 -> "Payload Too Large";
			case 429 -> "Too Many Requests";
			default -> "Error";
		};
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
