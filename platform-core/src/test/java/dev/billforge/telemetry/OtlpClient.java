package dev.billforge.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/** Raw OTLP/HTTP requests to the running app, as an exporter would send them. */
final class OtlpClient {

	static final String PROTOBUF = "application/x-protobuf";

	static final String JSON = "application/json";

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	OtlpClient(int port) {
		this.port = port;
	}

	HttpResponse<byte[]> post(String path, String key, String contentType, byte[] body, boolean gzip) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(gzip ? gzip(body) : body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (gzip) {
			request.header("Content-Encoding", "gzip");
		}
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static byte[] gzip(byte[] body) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(body);
		}
		return out.toByteArray();
	}

}
