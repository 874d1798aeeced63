package dev.billforge.stripe.emulator.internal;

import dev.billforge.stripe.emulator.EmulatorConfig;
import dev.billforge.stripe.emulator.internal.http.ApiError;
import dev.billforge.stripe.emulator.internal.store.Json;
import dev.billforge.stripe.emulator.internal.store.Store;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shared state of one emulator instance: config, store, the single lock every mutation
 * runs under, and time. Objects attached to a test clock live in that clock's frozen
 * time; all others in the config clock.
 */
public final class Core {

	public static final String API_VERSION = "2026-07-29.dahlia";

	private static final Map<String, String> KIND_BY_PREFIX = new java.util.LinkedHashMap<>();

	static {
		KIND_BY_PREFIX.put("cs_test_", "checkout.session");
		KIND_BY_PREFIX.put("cus_", "customer");
		KIND_BY_PREFIX.put("prod_", "product");
		KIND_BY_PREFIX.put("price_", "price");
		KIND_BY_PREFIX.put("bps_", "billing_portal.session");
		KIND_BY_PREFIX.put("sub_", "subscription");
		KIND_BY_PREFIX.put("si_", "subscription_item");
		KIND_BY_PREFIX.put("in_", "invoice");
		KIND_BY_PREFIX.put("ii_", "invoiceitem");
		KIND_BY_PREFIX.put("ch_", "charge");
		KIND_BY_PREFIX.put("re_", "refund");
		KIND_BY_PREFIX.put("pi_", "payment_intent");
		KIND_BY_PREFIX.put("pm_", "payment_method");
		KIND_BY_PREFIX.put("evt_", "event");
		KIND_BY_PREFIX.put("we_", "webhook_endpoint");
		KIND_BY_PREFIX.put("clock_", "test_helpers.test_clock");
	}

	private final EmulatorConfig config;

	private final Store store;

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<String, Instant> processingTime = new HashMap<>();

	private String baseUrl;

	private String currentRequestId;

	private String currentIdempotencyKey;

	public Core(EmulatorConfig config, Store store) {
		this.config = config;
		this.store = store;
	}

	public EmulatorConfig config() {
		return config;
	}

	public Store store() {
		return store;
	}

	public ReentrantLock lock() {
		return lock;
	}

	public void baseUrl(String url) {
		this.baseUrl = url;
	}

	/** Base URL for links people open in a browser (hosted pages). */
	public String publicBaseUrl() {
		return config.publicBaseUrl().orElse(baseUrl);
	}

	public static String kindOf(String id) {
		if (id == null) {
			return null;
		}
		for (Map.Entry<String, String> e : KIND_BY_PREFIX.entrySet()) {
			if (id.startsWith(e.getKey())) {
				return e.getValue();
			}
		}
		return null;
	}

	public ObjectNode find(String kind, String id) {
		ObjectNode o = store.get(kind, id);
		return o == null || Json.bool(o, "_deleted") ? null : o;
	}

	/** The object or a 404 in Stripe's words ("No such customer: 'cus_x'"). */
	public ObjectNode require(String kind, String id) {
		ObjectNode o = find(kind, id);
		if (o == null) {
			String noun = kind.substring(kind.lastIndexOf('.') + 1).replace('_', ' ');
			throw ApiError.noSuch(noun, id);
		}
		return o;
	}

	/** Current time of a time domain: a test clock's frozen time, or the config clock. */
	public Instant now(String testClockId) {
		Instant override = processingTime.get(domainKey(testClockId));
		if (override != null) {
			return override;
		}
		if (testClockId != null) {
			ObjectNode clock = store.get("test_helpers.test_clock", testClockId);
			if (clock != null) {
				return Instant.ofEpochSecond(Json.lng(clock, "frozen_time", 0));
			}
		}
		return config.clock().instant();
	}

	public long epoch(String testClockId) {
		return now(testClockId).getEpochSecond();
	}

	/** Pins "now" of a domain while due work at an earlier instant is processed. */
	public void pinTime(String testClockId, Instant at) {
		if (at == null) {
			processingTime.remove(domainKey(testClockId));
		}
		else {
			processingTime.put(domainKey(testClockId), at);
		}
	}

	private static String domainKey(String testClockId) {
		return testClockId == null ? "" : testClockId;
	}

	/** The test clock a customer is attached to, or null. */
	public String clockOfCustomer(String customerId) {
		ObjectNode c = store.get("customer", customerId);
		return c == null ? null : Json.str(c, "test_clock");
	}

	public void requestContext(String requestId, String idempotencyKey) {
		this.currentRequestId = requestId;
		this.currentIdempotencyKey = idempotencyKey;
	}

	public String currentRequestId() {
		return currentRequestId;
	}

	public String currentIdempotencyKey() {
		return currentIdempotencyKey;
	}

}
