package dev.billforge.telemetry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP trace request as span documents: every field kept (typed attributes of span,
 * resource and scope, events, links, status), plus what the pages query — service, GenAI
 * call, session, text. Any invalid span rejects the whole request, before anything is
 * stored or charged.
 */
final class SpanMapping {

	static final int MAX_TEXT = 2000;

	private SpanMapping() {
	}

	/**
	 * A span ready to store: {@code _id} is (org, trace id, span id), so a resent span is
	 * the same document.
	 */
	record SpanItem(String traceId, String spanId, Document doc, GenAi ai) {
	}

	static int count(ExportTraceServiceRequest request) {
		int n = 0;
		for (ResourceSpans rs : request.getResourceSpansList()) {
			for (ScopeSpans ss : rs.getScopeSpansList()) {
				n += ss.getSpansCount();
			}
		}
		return n;
	}

	static List<SpanItem> map(String org, ExportTraceServiceRequest request, Limits limits, ModelPrices prices,
			Instant now) {
		List<SpanItem> items = new ArrayList<>();
		for (ResourceSpans rs : request.getResourceSpansList()) {
			Resource resource = rs.getResource();
			List<Document> resourceAttributes = Attributes.store(resource.getAttributesList(), limits, "resource");
			for (ScopeSpans ss : rs.getScopeSpansList()) {
				Document scope = scope(ss.getScope(), limits);
				for (Span span : ss.getSpansList()) {
					items.add(span(org, span, resource, resourceAttributes, scope, limits, prices, now));
				}
			}
		}
		return items;
	}

	static Document scope(InstrumentationScope scope, Limits limits) {
		return new Document("name", scope.getName()).append("version", scope.getVersion())
			.append("attributes", Attributes.store(scope.getAttributesList(), limits, "scope"));
	}

	private static SpanItem span(String org, Span span, Resource resource, List<Document> resourceAttributes,
			Document scope, Limits limits, ModelPrices prices, Instant now) {
		String where = "span '" + abbreviate(span.getName()) + "'";
		Attributes.name("name", span.getName(), Attributes.MAX_NAME, "span");
		String traceId = HexIds.traceId(span.getTraceId(), where);
		String spanId = HexIds.spanId(span.getSpanId(), where);
		String parent = HexIds.optional(span.getParentSpanId(), 8, "parentSpanId", where);
		Attributes lookup = Attributes.of(span.getAttributesList(), resource.getAttributesList());
		GenAi ai = GenAi.fromSpan(lookup, span.getName(), prices);
		long start = span.getStartTimeUnixNano();
		long end = span.getEndTimeUnixNano();
		Document doc = new Document("_id", org + ":" + traceId + spanId).append("org", org)
			.append("traceId", traceId)
			.append("spanId", spanId)
			.append("parentSpanId", parent)
			.append("traceState", span.getTraceState())
			.append("name", span.getName())
			.append("kind", span.getKindValue())
			.append("start", new Date(start / 1_000_000))
			.append("startNanos", start)
			.append("endNanos", end)
			.append("durationNanos", Math.max(0, end - start))
			.append("status", span.getStatus().getCodeValue())
			.append("statusMessage", span.getStatus().getMessage())
			.append("service", Attributes.of(resource.getAttributesList()).string("service.name"))
			.append("resource", resourceAttributes)
			.append("scope", scope)
			.append("attributes", Attributes.store(span.getAttributesList(), limits, where))
			.append("events", events(span, limits, where))
			.append("links", links(span, limits, where))
			.append("dropped",
					new Document("attributes", span.getDroppedAttributesCount())
						.append("events", span.getDroppedEventsCount())
						.append("links", span.getDroppedLinksCount()))
			.append("flags", span.getFlags())
			.append("receivedAt", Date.from(now));
		String session = lookup.string("gen_ai.conversation.id", "session.id");
		if (session != null) {
			doc.append("session", session);
		}
		if (ai != null) {
			doc.append("ai", ai.toDocument());
		}
		StringBuilder text = new StringBuilder(span.getName());
		Attributes.appendText(text, span.getAttributesList(), MAX_TEXT);
		doc.append("text", truncate(text.toString().toLowerCase(Locale.ROOT)));
		return new SpanItem(traceId, spanId, doc, ai);
	}

	private static List<Document> events(Span span, Limits limits, String where) {
		if (span.getEventsCount() > limits.maxAttributes()) {
			throw OtlpRejection.invalid(where + " has more than " + limits.maxAttributes() + " events");
		}
		List<Document> events = new ArrayList<>(span.getEventsCount());
		for (Span.Event event : span.getEventsList()) {
			events.add(new Document("timeNanos", event.getTimeUnixNano()).append("name", event.getName())
				.append("attributes", Attributes.store(event.getAttributesList(), limits, where + " event")));
		}
		return events;
	}

	private static List<Document> links(Span span, Limits limits, String where) {
		if (span.getLinksCount() > limits.maxAttributes()) {
			throw OtlpRejection.invalid(where + " has more than " + limits.maxAttributes() + " links");
		}
		List<Document> links = new ArrayList<>(span.getLinksCount());
		for (Span.Link link : span.getLinksList()) {
			links.add(new Document("traceId", HexIds.traceId(link.getTraceId(), where + " link"))
				.append("spanId", HexIds.spanId(link.getSpanId(), where + " link"))
				.append("traceState", link.getTraceState())
				.append("attributes", Attributes.store(link.getAttributesList(), limits, where + " link")));
		}
		return links;
	}

	static String truncate(String text) {
		return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
	}

	static String abbreviate(String name) {
		return name.length() > 60 ? name.substring(0, 60) + "…" : name;
	}

}
