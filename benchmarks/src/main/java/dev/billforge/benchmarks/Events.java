package dev.billforge.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;

import dev.billforge.metering.UsageEvent;

/**
 * Synthetic DocRouter usage: alternating {@code page} (1–5 pages) and {@code llm_token}
 * (100–5,099 tokens) events with an {@code operation} property, in the three shapes the
 * benchmarks need (API JSON, raw documents with the same fields, {@link UsageEvent}s).
 * Deterministic: the event's number picks everything.
 */
final class Events {

	private static final String[] OPERATIONS = { "extract", "classify", "summarize" };

	private Events() {
	}

	record Event(String key, String meter, long quantity, Instant occurredAt, String operation) {
	}

	static Event event(String keyPrefix, long n, Instant occurredAt) {
		boolean page = n % 2 == 0;
		long quantity = page ? 1 + n % 5 : 100 + n % 5000;
		return new Event(keyPrefix + n, page ? "page" : "llm_token", quantity, occurredAt, OPERATIONS[(int) (n % 3)]);
	}

	/**
	 * {@code count} events numbered from {@code first}, all within the minute before
	 * {@code now}.
	 */
	static List<Event> batch(String keyPrefix, long first, int count, Instant now) {
		List<Event> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long n = first + i;
			events.add(event(keyPrefix, n, now.minusMillis(n % 60_000)));
		}
		return events;
	}

	static String json(List<Event> events) {
		StringBuilder out = new StringBuilder(events.size() * 140).append("{\"events\":[");
		for (int i = 0; i < events.size(); i++) {
			Event e = events.get(i);
			out.append(i == 0 ? "" : ",")
				.append("{\"idempotencyKey\":\"")
				.append(e.key())
				.append("\",\"meter\":\"")
				.append(e.meter())
				.append("\",\"quantity\":")
				.append(e.quantity())
				.append(",\"occurredAt\":\"")
				.append(e.occurredAt())
				.append("\",\"properties\":{\"operation\":\"")
				.append(e.operation())
				.append("\"}}");
		}
		return out.append("]}").toString();
	}

	/** The same events as plain documents, as a product might store them itself. */
	static List<Document> documents(String orgId, List<Event> events) {
		List<Document> docs = new ArrayList<>(events.size());
		for (Event e : events) {
			docs.add(new Document("orgId", orgId).append("idempotencyKey", e.key())
				.append("meter", e.meter())
				.append("quantity", new Decimal128(BigDecimal.valueOf(e.quantity())))
				.append("occurredAt", Date.from(e.occurredAt()))
				.append("properties", new Document("operation", e.operation())));
		}
		return docs;
	}

	static List<UsageEvent> usageEvents(List<Event> events) {
		List<UsageEvent> out = new ArrayList<>(events.size());
		for (Event e : events) {
			out.add(new UsageEvent(e.key(), e.meter(), BigDecimal.valueOf(e.quantity()), e.occurredAt(),
					Map.of("operation", e.operation())));
		}
		return out;
	}

}
