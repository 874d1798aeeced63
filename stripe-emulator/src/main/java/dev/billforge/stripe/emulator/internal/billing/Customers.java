package dev.billforge.stripe.emulator.internal.billing;

import dev.billforge.stripe.emulator.internal.Core;
import dev.billforge.stripe.emulator.internal.events.EventLog;
import dev.billforge.stripe.emulator.internal.store.Json;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customer creation, shared by the API and Checkout (which creates a customer when none
 * is given).
 */
public final class Customers {

	private final Core core;

	private final EventLog events;

	public Customers(Core core, EventLog events) {
		this.core = core;
		this.events = events;
	}

	public ObjectNode create(String email, String name, String description, ObjectNode metadata, String testClock) {
		ObjectNode c = Json.obj();
		c.put("id", core.store().newId("cus_", 14));
		c.put("object", "customer");
		c.putNull("address");
		c.put("balance", 0);
		c.put("created", core.epoch(testClock));
		c.putNull("currency");
		c.putNull("default_source");
		c.put("delinquent", false);
		c.put("description", description);
		c.putNull("discount");
		c.put("email", email);
		c.put("invoice_prefix", core.store().randomToken(8).toUpperCase(Locale.ROOT));
		ObjectNode settings = c.putObject("invoice_settings");
		settings.putNull("custom_fields");
		settings.putNull("default_payment_method");
		settings.putNull("footer");
		settings.putNull("rendering_options");
		c.put("livemode", false);
		c.set("metadata", metadata == null ? Json.obj() : metadata);
		c.put("name", name);
		c.put("next_invoice_sequence", 1);
		c.putNull("phone");
		c.putArray("preferred_locales");
		c.putNull("shipping");
		c.put("tax_exempt", "none");
		c.put("test_clock", testClock);
		// Customers behave as if test card 4242 were attached until told otherwise (see
		// docs).
		c.put("_payment_outcome", "succeed");
		core.store().put("customer", c);
		events.emit("customer.created", c);
		return c;
	}

}
