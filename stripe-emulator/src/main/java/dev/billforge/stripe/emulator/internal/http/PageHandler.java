package dev.billforge.stripe.emulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Serves the hosted (browser) pages; called with the emulator lock held. */
@FunctionalInterface
public interface PageHandler {

	void handle(HttpExchange exchange, String method, String path, FormParams form) throws IOException;

}
