package dev.billforge.metering.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.billforge.common.DecimalInput;
import dev.billforge.metering.MeteringProperties;
import dev.billforge.metering.UsageEvent;
import dev.billforge.valuemetric.Meter;
import dev.billforge.valuemetric.ValueMetric;
import tools.jackson.databind.JsonNode;

/**
 * Turns one event of a batch into a {@link UsageEvent} or names what is wrong with it.
 * Each event is judged alone, so one bad event does not spoil the batch.
 */
final class UsageEventParser {

	private static final Set<String> FIELDS = Set.of("idempotencyKey", "meter", "quantity", "occurredAt", "properties");

	private static final int MAX_KEY_LENGTH = 255;

	private static final int MAX_METER_LENGTH = 100;

	private static final int MAX_INSTANT_LENGTH = 40;

	private static final int MAX_PROPERTIES = 20;

	private static final int MAX_PROPERTY_LENGTH = 200;

	private final ValueMetric metric;

	private final MeteringProperties properties;

	private final Clock clock;

	UsageEventParser(ValueMetric metric, MeteringProperties properties, Clock clock) {
		this.metric = metric;
		this.properties = properties;
		this.clock = clock;
	}

	/** A parsed event, or the field and reason it was refused. */
	record Parsed(UsageEvent event, String key, String field, String error) {

		boolean valid() {
			return event != null;
		}

	}

	Parsed parse(JsonNode node) {
		if (node == null || !node.isObject()) {
			return invalid(null, null, "each event must be a JSON object");
		}
		String key = node.get("idempotencyKey") != null && node.get("idempotencyKey").isString()
				? node.get("idempotencyKey").stringValue() : null;
		for (String name : node.propertyNames()) {
			if (!FIELDS.contains(name)) {
				return invalid(key, name, "unknown field " + name);
			}
		}
		if (key == null || !isKey(key)) {
			return invalid(key, "idempotencyKey", "idempotencyKey is required: 1 to 255 printable ASCII characters");
		}
		JsonNode meterNode = node.get("meter");
		if (meterNode == null || !meterNode.isString() || meterNode.stringValue().length() > MAX_METER_LENGTH) {
			return invalid(key, "meter", "meter is required (at most " + MAX_METER_LENGTH + " characters)");
		}
		Meter meter = metric.meter(meterNode.stringValue()).orElse(null);
		if (meter == null) {
			return invalid(key, "meter",
					"unknown meter " + meterNode.stringValue() + "; known: " + metric.meters().keySet());
		}
		BigDecimal quantity = quantity(node.get("quantity"));
		if (quantity == null) {
			return invalid(key, "quantity",
					"quantity must be a number (or a numeric string) with at most " + DecimalInput.MAX_INTEGER_DIGITS
							+ " integer digits and " + DecimalInput.MAX_FRACTION_DIGITS + " decimal places");
		}
		if (quantity.signum() <= 0) {
			return invalid(key, "quantity", "quantity must be greater than 0");
		}
		if (meter.maxQuantity() != null && quantity.compareTo(meter.maxQuantity()) > 0) {
			return invalid(key, "quantity", "quantity exceeds the maximum of " + meter.maxQuantity().toPlainString());
		}
		Instant now = clock.instant();
		Instant occurredAt = now;
		JsonNode at = node.get("occurredAt");
		if (at != null && !at.isNull()) {
			if (!at.isString() || at.stringValue().length() > MAX_INSTANT_LENGTH) {
				return invalid(key, "occurredAt",
						"occurredAt must be an ISO-8601 instant such as 2026-11-27T10:15:30Z");
			}
			try {
				occurredAt = IsoInstants.parse(at.stringValue());
			}
			catch (DateTimeParseException ex) {
				return invalid(key, "occurredAt",
						"occurredAt must be an ISO-8601 instant such as 2026-11-27T10:15:30Z");
			}
			if (occurredAt.isAfter(now.plus(properties.getMaxClockSkew()))) {
				return invalid(key, "occurredAt",
						"occurredAt is more than " + properties.getMaxClockSkew() + " in the future");
			}
			if (occurredAt.isBefore(now.minus(properties.getMaxEventAge()))) {
				return invalid(key, "occurredAt", "occurredAt is older than " + properties.getMaxEventAge());
			}
		}
		Map<String, String> props = new LinkedHashMap<>();
		JsonNode propsNode = node.get("properties");
		if (propsNode != null && !propsNode.isNull()) {
			if (!propsNode.isObject() || propsNode.size() > MAX_PROPERTIES) {
				return invalid(key, "properties",
						"properties must be an object of at most " + MAX_PROPERTIES + " strings");
			}
			for (String name : propsNode.propertyNames()) {
				JsonNode value = propsNode.get(name);
				String text = value.isValueNode() && !value.isNull() ? value.asString() : null;
				if (text == null || name.length() > 64 || text.length() > MAX_PROPERTY_LENGTH
						|| hasControlCharacter(name) || hasControlCharacter(text)) {
					return invalid(key, "properties." + name, "property values must be short strings or numbers");
				}
				props.put(name, text);
			}
		}
		return new Parsed(new UsageEvent(key, meter.name(), quantity, occurredAt, props), key, null, null);
	}

	/**
	 * The quantity held to {@link DecimalInput}'s bounds before any arithmetic, or null.
	 */
	private static BigDecimal quantity(JsonNode node) {
		if (node == null || !(node.isNumber() || node.isString())) {
			return null;
		}
		// a number node's text is its literal; a string is the caller's text: both are
		// length-checked first
		String text = node.isString() ? node.stringValue() : node.asString();
		return DecimalInput.tryParse(text).orElse(null);
	}

	private static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * 1 to 255 printable ASCII characters (0x21–0x7E), checked without a regular
	 * expression (one per event).
	 */
	static boolean isKey(String key) {
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x21 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	private static Parsed invalid(String key, String field, String error) {
		return new Parsed(null, key, field, error);
	}

}
