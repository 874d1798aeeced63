package dev.billforge.telemetry.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.google.protobuf.CodedOutputStream;

/**
 * The {@code google.rpc.Status} body of an OTLP error ({@code code} = 1, {@code message}
 * = 2), written by hand: the message is two fields, not worth a dependency on the common
 * protos.
 */
final class RpcStatus {

	private RpcStatus() {
	}

	static byte[] protobuf(int code, String message) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			CodedOutputStream out = CodedOutputStream.newInstance(bytes);
			if (code != 0) {
				out.writeInt32(1, code);
			}
			out.writeString(2, message);
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] json(int code, String message) {
		return ("{\"code\":" + code + ",\"message\":" + quote(message) + "}").getBytes(StandardCharsets.UTF_8);
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
