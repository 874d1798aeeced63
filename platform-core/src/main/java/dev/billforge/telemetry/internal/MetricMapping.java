package dev.billforge.telemetry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.google.protobuf.MessageLite;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;

/**
 * An OTLP metrics request as one document per data point, keyed by content hash. Each
 * point carries its series (resource, scope, metric and attributes) so that cumulative
 * sums can be read as their latest value per series and delta sums as their total. Claude
 * Code's metrics keep {@code model}, {@code type} (token type, lines added/removed),
 * {@code tool_name} and {@code decision} lifted.
 */
final class MetricMapping {

	private MetricMapping() {
	}

	record PointItem(String hash, Document doc) {
	}

	static int count(ExportMetricsServiceRequest request) {
		int n = 0;
		for (ResourceMetrics rm : request.getResourceMetricsList()) {
			for (ScopeMetrics sm : rm.getScopeMetricsList()) {
				for (Metric metric : sm.getMetricsList()) {
					n += switch (metric.getDataCase()) {
						case GAUGE -> metric.getGauge().getDataPointsCount();
						case SUM -> metric.getSum().getDataPointsCount();
						case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
						case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
						case SUMMARY -> metric.getSummary().getDataPointsCount();
						default -> 0;
					};
				}
			}
		}
		return n;
	}

	static List<PointItem> map(String org, ExportMetricsServiceRequest request, Limits limits, Instant now) {
		List<PointItem> items = new ArrayList<>();
		for (ResourceMetrics rm : request.getResourceMetricsList()) {
			Resource resource = rm.getResource();
			Context context = new Context(org, resource,
					Attributes.store(resource.getAttributesList(), limits, "resource"),
					Attributes.of(resource.getAttributesList()).string("service.name"), limits, now);
			for (ScopeMetrics sm : rm.getScopeMetricsList()) {
				Document scope = SpanMapping.scope(sm.getScope(), limits);
				for (Metric metric : sm.getMetricsList()) {
					metric(context, sm.getScope(), scope, metric, items);
				}
			}
		}
		return items;
	}

	private record Context(String org, Resource resource, List<Document> resourceAttributes, String service,
			Limits limits, Instant now) {
	}

	private static void metric(Context c, InstrumentationScope scopeProto, Document scope, Metric metric,
			List<PointItem> items) {
		switch (metric.getDataCase()) {
			case GAUGE -> metric.getGauge()
				.getDataPointsList()
				.forEach(p -> items.add(number(c, scopeProto, scope, metric, "gauge", 0, false, p)));
			case SUM -> metric.getSum()
				.getDataPointsList()
				.forEach(p -> items.add(number(c, scopeProto, scope, metric, "sum",
						metric.getSum().getAggregationTemporalityValue(), metric.getSum().getIsMonotonic(), p)));
			case HISTOGRAM -> metric.getHistogram()
				.getDataPointsList()
				.forEach(p -> items.add(histogram(c, scopeProto, scope, metric,
						metric.getHistogram().getAggregationTemporalityValue(), p)));
			case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram()
				.getDataPointsList()
				.forEach(p -> items.add(exponential(c, scopeProto, scope, metric,
						metric.getExponentialHistogram().getAggregationTemporalityValue(), p)));
			case SUMMARY -> metric.getSummary()
				.getDataPointsList()
				.forEach(p -> items.add(summary(c, scopeProto, scope, metric, p)));
			default -> {
			}
		}
	}

	private static PointItem number(Context c, InstrumentationScope scopeProto, Document scope, Metric metric,
			String type, int temporality, boolean monotonic, NumberDataPoint p) {
		Document doc = base(c, scopeProto, scope, metric, type, p, p.getAttributesList(), p.getTimeUnixNano(),
				p.getStartTimeUnixNano())
			.append("temporality", temporality)
			.append("monotonic", monotonic);
		if (p.hasAsInt()) {
			doc.append("value", (double) p.getAsInt()).append("intValue", p.getAsInt());
		}
		else {
			doc.append("value", p.getAsDouble());
		}
		return item(doc);
	}

	private static PointItem histogram(Context c, InstrumentationScope scopeProto, Document scope, Metric metric,
			int temporality, HistogramDataPoint p) {
		Document doc = base(c, scopeProto, scope, metric, "histogram", p, p.getAttributesList(), p.getTimeUnixNano(),
				p.getStartTimeUnixNano())
			.append("temporality", temporality)
			.append("count", p.getCount())
			.append("sum", p.getSum())
			.append("bucketCounts", p.getBucketCountsList())
			.append("explicitBounds", p.getExplicitBoundsList());
		if (p.hasMin()) {
			doc.append("min", p.getMin());
		}
		if (p.hasMax()) {
			doc.append("max", p.getMax());
		}
		return item(doc);
	}

	private static PointItem exponential(Context c, InstrumentationScope scopeProto, Document scope, Metric metric,
			int temporality, ExponentialHistogramDataPoint p) {
		Document doc = base(c, scopeProto, scope, metric, "exponential_histogram", p, p.getAttributesList(),
				p.getTimeUnixNano(), p.getStartTimeUnixNano())
			.append("temporality", temporality)
			.append("count", p.getCount())
			.append("sum", p.getSum())
			.append("scale", p.getScale())
			.append("zeroCount", p.getZeroCount());
		return item(doc);
	}

	private static PointItem summary(Context c, InstrumentationScope scopeProto, Document scope, Metric metric,
			SummaryDataPoint p) {
		List<Document> quantiles = new ArrayList<>();
		p.getQuantileValuesList()
			.forEach(q -> quantiles.add(new Document("quantile", q.getQuantile()).append("value", q.getValue())));
		Document doc = base(c, scopeProto, scope, metric, "summary", p, p.getAttributesList(), p.getTimeUnixNano(),
				p.getStartTimeUnixNano())
			.append("count", p.getCount())
			.append("sum", p.getSum())
			.append("quantiles", quantiles);
		return item(doc);
	}

	private static Document base(Context c, InstrumentationScope scopeProto, Document scope, Metric metric, String type,
			MessageLite point, List<KeyValue> attributes, long time, long start) {
		String where = "data point of '" + SpanMapping.abbreviate(metric.getName()) + "'";
		Attributes.name("name", metric.getName(), Attributes.MAX_NAME, "metric");
		String hash = new ContentHash().add(c.resource()).add(scopeProto).add(metric.getName()).add(point).hex();
		String series = new ContentHash().add(c.resource())
			.add(scopeProto)
			.add(metric.getName())
			.add(io.opentelemetry.proto.common.v1.KeyValueList.newBuilder().addAllValues(attributes).build())
			.add(Long.toString(start))
			.hex();
		Attributes lookup = Attributes.of(attributes, c.resource().getAttributesList());
		Document doc = new Document("_id", c.org() + ":" + hash).append("org", c.org())
			.append("hash", hash)
			.append("series", series)
			.append("name", metric.getName())
			.append("description", metric.getDescription())
			.append("unit", metric.getUnit())
			.append("type", type)
			.append("time", new Date(time / 1_000_000))
			.append("timeNanos", time)
			.append("startNanos", start)
			.append("attributes", Attributes.store(attributes, c.limits(), where))
			.append("resource", c.resourceAttributes())
			.append("scope", scope)
			.append("service", c.service())
			.append("receivedAt", Date.from(c.now()));
		putIfPresent(doc, "session", lookup.string("session.id", "gen_ai.conversation.id"));
		putIfPresent(doc, "model", lookup.string("model", "gen_ai.request.model", "gen_ai.response.model"));
		putIfPresent(doc, "kind", lookup.string("type", "gen_ai.token.type"));
		putIfPresent(doc, "toolName", lookup.string("tool_name", "tool"));
		putIfPresent(doc, "decision", lookup.string("decision"));
		return doc;
	}

	private static PointItem item(Document doc) {
		String hash = doc.getString("hash");
		doc.remove("hash");
		return new PointItem(hash, doc);
	}

	private static void putIfPresent(Document doc, String key, String value) {
		if (value != null) {
			doc.append(key, value);
		}
	}

}
