package dev.billforge.telemetry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;

/**
 * An OTLP logs request as log documents keyed by content hash. Claude Code's events
 * ({@code claude_code.api_request}, {@code tool_result}, {@code tool_decision},
 * {@code api_error}, {@code user_prompt}) are recognised by their event name and their
 * fields lifted for the dashboard; an {@code api_request} carries an LLM call with its
 * cost.
 */
final class LogMapping {

	static final String CLAUDE_CODE_PREFIX = "claude_code.";

	private LogMapping() {
	}

	record LogItem(String hash, Document doc, GenAi ai) {
	}

	static int count(ExportLogsServiceRequest request) {
		int n = 0;
		for (ResourceLogs rl : request.getResourceLogsList()) {
			for (ScopeLogs sl : rl.getScopeLogsList()) {
				n += sl.getLogRecordsCount();
			}
		}
		return n;
	}

	static List<LogItem> map(String org, ExportLogsServiceRequest request, Limits limits, ModelPrices prices,
			Instant now) {
		List<LogItem> items = new ArrayList<>();
		for (ResourceLogs rl : request.getResourceLogsList()) {
			Resource resource = rl.getResource();
			List<Document> resourceAttributes = Attributes.store(resource.getAttributesList(), limits, "resource");
			String service = Attributes.of(resource.getAttributesList()).string("service.name");
			for (ScopeLogs sl : rl.getScopeLogsList()) {
				Document scope = SpanMapping.scope(sl.getScope(), limits);
				for (LogRecord record : sl.getLogRecordsList()) {
					String hash = new ContentHash().add(resource).add(sl.getScope()).add(record).hex();
					items.add(record(org, hash, record, resource, resourceAttributes, service, scope, limits, prices,
							now));
				}
			}
		}
		return items;
	}

	private static LogItem record(String org, String hash, LogRecord record, Resource resource,
			List<Document> resourceAttributes, String service, Document scope, Limits limits, ModelPrices prices,
			Instant now) {
		String where = "log record";
		Attributes.name("severityText", record.getSeverityText(), Attributes.MAX_KEY, where);
		Attributes lookup = Attributes.of(record.getAttributesList(), resource.getAttributesList());
		long time = record.getTimeUnixNano() != 0 ? record.getTimeUnixNano() : record.getObservedTimeUnixNano();
		Object body = Attributes.value(record.getBody(), limits, 1, where);
		String event = eventName(record, lookup);
		Document doc = new Document("_id", org + ":" + hash).append("org", org)
			.append("time", new Date(time / 1_000_000))
			.append("timeNanos", time)
			.append("observedNanos", record.getObservedTimeUnixNano())
			.append("severityNumber", record.getSeverityNumberValue())
			.append("severityText", record.getSeverityText())
			.append("body", body)
			.append("attributes", Attributes.store(record.getAttributesList(), limits, where))
			.append("resource", resourceAttributes)
			.append("scope", scope)
			.append("service", service)
			.append("traceId", HexIds.optional(record.getTraceId(), 16, "traceId", where))
			.append("spanId", HexIds.optional(record.getSpanId(), 8, "spanId", where))
			.append("receivedAt", Date.from(now));
		if (event != null) {
			doc.append("event", event);
		}
		String session = lookup.string("session.id", "gen_ai.conversation.id");
		if (session != null) {
			doc.append("session", session);
		}
		GenAi ai = null;
		if (event != null && event.startsWith(CLAUDE_CODE_PREFIX)) {
			doc.append("claudeCode", claudeCode(event.substring(CLAUDE_CODE_PREFIX.length()), lookup));
			if (event.equals(CLAUDE_CODE_PREFIX + "api_request")) {
				ai = GenAi.fromClaudeCodeRequest(lookup, prices);
				doc.append("ai", ai.toDocument());
			}
		}
		return new LogItem(hash, doc, ai);
	}

	/**
	 * The event's name: the record's {@code event_name}, else its {@code event.name}
	 * attribute, prefixed for Claude Code.
	 */
	private static String eventName(LogRecord record, Attributes lookup) {
		String name = record.getEventName().isEmpty() ? lookup.string("event.name") : record.getEventName();
		if (name == null && record.getBody().hasStringValue()
				&& record.getBody().getStringValue().startsWith(CLAUDE_CODE_PREFIX)) {
			name = record.getBody().getStringValue();
		}
		if (name == null) {
			return null;
		}
		boolean claude = name.startsWith(CLAUDE_CODE_PREFIX) || "claude-code".equals(lookup.string("service.name"))
				|| (record.getBody().hasStringValue()
						&& record.getBody().getStringValue().startsWith(CLAUDE_CODE_PREFIX));
		return claude && !name.startsWith(CLAUDE_CODE_PREFIX) ? CLAUDE_CODE_PREFIX + name : name;
	}

	private static Document claudeCode(String event, Attributes a) {
		Document doc = new Document("event", event);
		putString(doc, "toolName", a.string("tool_name"));
		putString(doc, "decision", a.string("decision"));
		putString(doc, "source", a.string("source", "decision_source"));
		putString(doc, "model", a.string("model"));
		putString(doc, "error", a.string("error"));
		putString(doc, "statusCode", a.string("status_code"));
		Boolean success = a.bool("success");
		if (success != null) {
			doc.append("success", success);
		}
		Long duration = a.integer("duration_ms");
		if (duration != null) {
			doc.append("durationMs", duration);
		}
		Long promptLength = a.integer("prompt_length");
		if (promptLength != null) {
			doc.append("promptLength", promptLength);
		}
		return doc;
	}

	private static void putString(Document doc, String key, String value) {
		if (value != null) {
			doc.append(key, value.length() > 500 ? value.substring(0, 500) : value);
		}
	}

}
