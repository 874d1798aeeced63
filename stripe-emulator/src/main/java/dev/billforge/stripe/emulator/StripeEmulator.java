package dev.billforge.stripe.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.Renderer;
import dev.billforge.stripe.emulator.internal.api.Api;
import dev.billforge.stripe.emulator.internal.api.Services;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.events.WebhookDispatcher;
import dev.billforge.stripe.emulator.internal.http.FaultInjector;
import dev.billforge.stripe.emulator.internal.http.FormParams;
import dev.billforge.stripe.emulator.internal.http.HttpFront;
import dev.billforge.stripe.emulator.internal.pages.HostedPages;
import dev.billforge.stripe.emulator.internal.store.Json;
import dev.billforge.stripe.emulator.internal.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.node.ObjectNode;

/**
 * A running Stripe emulator on 127.0.0.1. Point stripe-java at it with
 * {@code StripeClient.builder().setApiKey("sk_test_...").setApiBase(emulator.baseUrl())}.
 *
 * <pre>{@code
 * try (StripeEmulator stripe = StripeEmulator.start(EmulatorConfig.builder().stateDirectory(dir).build())) {
 *     WebhookEndpointRegistration hook = stripe.registerWebhookEndpoint("http://127.0.0.1:8080/stripe/webhook");
 *     ...
 * }
 * }</pre>
 */
public final class StripeEmulator implements AutoCloseable {

	private static final Logger LOG = Logger.getLogger(StripeEmulator.class.getName());

	static {
		// The JDK server flushes response headers and body in two writes; without
		// TCP_NODELAY the body waits
		// for the client's delayed ACK (~40 ms a call on Linux). Read once, when the
		// first HttpServer starts.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final Core core;

	private final Services services;

	private final Api api;

	private final WebhookDispatcher dispatcher;

	private final HttpServer server;

	private final ExecutorService httpThreads;

	private final ScheduledExecutorService ticker;

	private final String baseUrl;

	private StripeEmulator(EmulatorConfig config) throws IOException {
		Store store = new Store(config.stateDirectory());
		core = new Core(config, store);
		Renderer renderer = new Renderer(core);
		dispatcher = new WebhookDispatcher(config.chaos(), config.webhookInitialBackoff(), config.webhookMaxAttempts());
		EventLog events = new EventLog(core, renderer, dispatcher);
		dispatcher.onOutcome((eventId, endpointId, delivered) -> events.deliveryFinished(eventId, endpointId));
		FaultInjector faults = new FaultInjector();
		services = Services.wire(core, events, renderer, faults);
		api = new Api(services);
		InetAddress bind = config.bindAddress().isPresent() ? InetAddress.getByName(config.bindAddress().get())
				: InetAddress.getLoopbackAddress();
		server = HttpServer.create(new InetSocketAddress(bind, config.port()), 64);
		httpThreads = Executors.newFixedThreadPool(8, daemon("stripe-emulator-http"));
		server.setExecutor(httpThreads);
		server.createContext("/", new HttpFront(core, api.router(), new HostedPages(services), faults));
		server.start();
		baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
		core.baseUrl(baseUrl);
		events.resumePendingDeliveries();
		ticker = Executors.newSingleThreadScheduledExecutor(daemon("stripe-emulator-clock"));
		long tick = Math.max(10, config.tickInterval().toMillis());
		ticker.scheduleWithFixedDelay(this::tickSafely, tick, tick, TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts an emulator; state is loaded from the config's state directory when a
	 * snapshot exists.
	 */
	public static StripeEmulator start(EmulatorConfig config) {
		Objects.requireNonNull(config, "config");
		try {
			return new StripeEmulator(config);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot start the Stripe emulator on port " + config.port(), e);
		}
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger n = new AtomicInteger();
		return r -> {
			Thread t = new Thread(r, name + "-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}

	/**
	 * API base URL for stripe-java's {@code setApiBase}, e.g.
	 * {@code http://127.0.0.1:12111}.
	 */
	public String baseUrl() {
		return baseUrl;
	}

	public int port() {
		return server.getAddress().getPort();
	}

	/** Base URL of hosted pages (Checkout, Portal) as a browser reaches them. */
	public String publicBaseUrl() {
		return core.publicBaseUrl();
	}

	/**
	 * Registers an endpoint for all events; registering the same URL again returns the
	 * existing secret.
	 */
	public WebhookEndpointRegistration registerWebhookEndpoint(String url) {
		return registerWebhookEndpoint(url, List.of("*"));
	}

	/**
	 * Registers an endpoint for the given event types ({@code "*"} for all); idempotent
	 * on the URL.
	 */
	public WebhookEndpointRegistration registerWebhookEndpoint(String url, List<String> enabledEvents) {
		core.lock().lock();
		try {
			for (ObjectNode we : core.store().all("webhook_endpoint")) {
				if (url.equals(Json.str(we, "url")) && !Json.bool(we, "_deleted")) {
					var events = we.putArray("enabled_events");
					enabledEvents.forEach(events::add);
					we.put("status", "enabled");
					core.store().touched();
					core.store().persistIfDirty();
					return new WebhookEndpointRegistration(Json.str(we, "id"), Json.str(we, "_secret"));
				}
			}
			StringBuilder form = new StringBuilder("url=").append(URLEncoder.encode(url, StandardCharsets.UTF_8));
			for (int i = 0; i < enabledEvents.size(); i++) {
				form.append("&enabled_events[")
					.append(i)
					.append("]=")
					.append(URLEncoder.encode(enabledEvents.get(i), StandardCharsets.UTF_8));
			}
			ObjectNode created = api.webhooks().createEndpoint(FormParams.parse(form.toString()));
			core.store().persistIfDirty();
			return new WebhookEndpointRegistration(Json.str(created, "id"), Json.str(created, "secret"));
		}
		finally {
			core.lock().unlock();
		}
	}

	/**
	 * Sets what charging this customer's saved payment method does from now on (renewals,
	 * retries).
	 */
	public void setPaymentOutcome(String customerId, PaymentOutcome outcome) {
		core.lock().lock();
		try {
			core.require("customer", customerId).put("_payment_outcome", outcome.wireName());
			core.store().touched();
			core.store().persistIfDirty();
		}
		finally {
			core.lock().unlock();
		}
	}

	/** Makes the next matching API requests fail or stall (see {@link Fault}). */
	public void injectFault(Fault fault) {
		services.faults().add(fault);
	}

	public void clearFaults() {
		services.faults().clear();
	}

	/**
	 * Performs work that is due on the real clock now (finalization, retries, expiry)
	 * without waiting.
	 */
	public void runDueWork() {
		core.lock().lock();
		try {
			services.time().advance(null, core.config().clock().instant().getEpochSecond());
			core.store().persistIfDirty();
		}
		finally {
			core.lock().unlock();
		}
	}

	/**
	 * Waits until no webhook delivery is pending (including retries); true if reached
	 * within the timeout.
	 */
	public boolean awaitWebhookDeliveries(Duration timeout) throws InterruptedException {
		return dispatcher.awaitIdle(timeout);
	}

	private void tickSafely() {
		try {
			runDueWork();
		}
		catch (RuntimeException e) {
			LOG.log(Level.WARNING, "Stripe emulator clock tick failed", e);
		}
	}

	@Override
	public void close() {
		ticker.shutdownNow();
		server.stop(0);
		httpThreads.shutdownNow();
		dispatcher.close();
		core.lock().lock();
		try {
			core.store().persistIfDirty();
		}
		finally {
			core.lock().unlock();
		}
	}

}
