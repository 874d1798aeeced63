package dev.billforge.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.google.protobuf.ByteString;
import com.mongodb.client.model.Filters;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.valuemetric.Credits;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad OTLP input is a 4xx with a google.rpc.Status body in the request's encoding, stores
 * and charges nothing, and is never a 500: malformed protobuf, invalid JSON, wrong ids,
 * bodies over the limit after decompression, a gzip bomb, too many spans or attributes,
 * deep nesting, unknown types.
 */
@TelemetryIntegrationTest
class OtlpBadInputIT {

	private static final byte[] TRACE = hex("5b8efff798038103d269b633813fc60c");

	private static final byte[] SPAN = hex("eee19b7ec3c1b174");

	@LocalServerPort
	int port;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	MongoTemplate mongo;

	private final JsonMapper json = JsonMapper.builder().build();

	private OtlpClient client;

	private OrgId org;

	private String key;

	@BeforeEach
	void org() {
		client = new OtlpClient(port);
		org = orgs.create("Bad input", ZoneId.of("UTC")).id();
		key = orgs.createApiKey(org, "ci").key();
	}

	@Test
	void malformedProtobufIsA400WithAProtobufStatus() throws Exception {
		HttpResponse<byte[]> response = client.post("/v1/traces", key, OtlpClient.PROTOBUF,
				new byte[] { 0x0a, (byte) 0xff, (byte) 0xff, 0x01, 0x02 }, false);
		assertRefused(response, 400);
		com.google.protobuf.CodedInputStream status = com.google.protobuf.CodedInputStream.newInstance(response.body());
		assertThat(status.readTag()).isEqualTo(8); // field 1 (code), varint
		assertThat(status.readInt32()).isEqualTo(3); // INVALID_ARGUMENT
		assertThat(status.readTag()).isEqualTo(18); // field 2 (message)
		assertThat(status.readString()).startsWith("malformed protobuf");
	}

	@Test
	void invalidJsonIsA400WithAJsonStatus() throws Exception {
		HttpResponse<byte[]> response = post("{\"resourceSpans\": [", false);
		assertRefused(response, 400);
		JsonNode status = json.readTree(response.body());
		assertThat(status.get("code").asInt()).isEqualTo(3);
		assertThat(status.get("message").asString()).startsWith("invalid JSON");
		assertRefused(post("[1,2,3]", false), 400);
		assertRefused(post("{\"resourceSpans\": \"not a list\"}", false), 400);
	}

	@Test
	void wrongIdsAreRefused() throws Exception {
		assertThat(message(post(jsonSpan("5b8efff798038103d269b633813fc6", "eee19b7ec3c1b174"), false)))
			.contains("traceId must be 32 hex digits");
		assertThat(message(post(jsonSpan("zz8efff798038103d269b633813fc60c", "eee19b7ec3c1b174"), false)))
			.contains("traceId must be hex digits");
		assertThat(message(post(jsonSpan("00000000000000000000000000000000", "eee19b7ec3c1b174"), false)))
			.contains("all zeros");
		assertThat(message(post(jsonSpan("5b8efff798038103d269b633813fc60c", ""), false)))
			.contains("spanId must be 8 bytes");
		Span shortId = span("s").setSpanId(ByteString.copyFrom(new byte[7])).build();
		HttpResponse<byte[]> response = client.post("/v1/traces", key, OtlpClient.PROTOBUF,
				request(shortId).toByteArray(), false);
		assertRefused(response, 400);
	}

	@Test
	void aBodyOverTheLimitAfterDecompressionIsA413() throws Exception {
		// 1.5 MB of attribute text compresses to a few KB: within the limit as sent, over
		// it unpacked
		Span big = span("big")
			.addAttributes(KeyValue.newBuilder()
				.setKey("blob")
				.setValue(AnyValue.newBuilder().setStringValue("a".repeat(1_500_000))))
			.build();
		byte[] body = request(big).toByteArray();
		assertThat(OtlpClient.gzip(body).length).isLessThan(100_000);
		assertRefused(client.post("/v1/traces", key, OtlpClient.PROTOBUF, body, true), 413);
		assertRefused(client.post("/v1/traces", key, OtlpClient.PROTOBUF, body, false), 413);
	}

	@Test
	void aGzipBombIsStoppedAtTheLimit() throws Exception {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(compressed)) {
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 256; i++) { // 256 MiB of zeros, about 250 KB compressed:
											// under the limit as sent
				zip.write(zeros);
			}
		}
		java.net.http.HttpRequest request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/v1/traces"))
			.header("Content-Type", OtlpClient.PROTOBUF)
			.header("Content-Encoding", "gzip")
			.header("Authorization", "Bearer " + key)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray()))
			.build();
		HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertRefused(response, 413);
		HttpResponse<byte[]> notGzip = client.post("/v1/traces", key, OtlpClient.PROTOBUF, new byte[0], false);
		assertThat(notGzip.statusCode()).isEqualTo(200); // an empty request is valid and
															// costs nothing
		java.net.http.HttpRequest broken = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/v1/traces"))
			.header("Content-Type", OtlpClient.PROTOBUF)
			.header("Content-Encoding", "gzip")
			.header("Authorization", "Bearer " + key)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] { 1, 2, 3, 4 }))
			.build();
		assertRefused(java.net.http.HttpClient.newHttpClient().send(broken, HttpResponse.BodyHandlers.ofByteArray()),
				400);
	}

	@Test
	void tooManySpansOrAttributesAreRefused() throws Exception {
		ScopeSpans.Builder many = ScopeSpans.newBuilder();
		for (int i = 1; i <= 1001; i++) {
			many.addSpans(
					span("s" + i).setSpanId(ByteString.copyFrom(java.nio.ByteBuffer.allocate(8).putLong(i).array())));
		}
		byte[] body = ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(many))
			.build()
			.toByteArray();
		assertThat(message(client.post("/v1/traces", key, OtlpClient.PROTOBUF, body, true))).contains("1001 spans");

		Span.Builder attributes = span("attrs");
		for (int i = 0; i < 300; i++) {
			attributes
				.addAttributes(KeyValue.newBuilder().setKey("k" + i).setValue(AnyValue.newBuilder().setIntValue(i)));
		}
		assertThat(message(
				client.post("/v1/traces", key, OtlpClient.PROTOBUF, request(attributes.build()).toByteArray(), false)))
			.contains("300 attributes");
	}

	@Test
	void deepNestingIsRefusedInJsonAndProtobuf() throws Exception {
		AnyValue value = AnyValue.newBuilder().setStringValue("leaf").build();
		for (int i = 0; i < 20; i++) { // 20 levels: within protobuf's own recursion
										// limit, over ours (16)
			value = AnyValue.newBuilder()
				.setKvlistValue(KeyValueList.newBuilder().addValues(KeyValue.newBuilder().setKey("n").setValue(value)))
				.build();
		}
		Span deep = span("deep").addAttributes(KeyValue.newBuilder().setKey("nested").setValue(value)).build();
		assertThat(message(client.post("/v1/traces", key, OtlpClient.PROTOBUF, request(deep).toByteArray(), false)))
			.contains("nested deeper");
		String nestedJson = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
		assertRefused(post(nestedJson, true), 400);
	}

	@Test
	void unknownContentTypeOrEncodingIsA415AndNoKeyIsA401() throws Exception {
		assertRefused(client.post("/v1/traces", key, "text/plain", "hi".getBytes(StandardCharsets.UTF_8), false), 415);
		HttpResponse<byte[]> noKey = client.post("/v1/traces", null, OtlpClient.JSON,
				"{}".getBytes(StandardCharsets.UTF_8), false);
		assertThat(noKey.statusCode()).isEqualTo(401);
		HttpResponse<byte[]> wrongKey = client.post("/v1/traces", "sig_agent_sk_wrong", OtlpClient.JSON,
				"{}".getBytes(StandardCharsets.UTF_8), false);
		assertThat(wrongKey.statusCode()).isEqualTo(401);
	}

	private HttpResponse<byte[]> post(String body, boolean gzip) throws Exception {
		return client.post("/v1/traces", key, OtlpClient.JSON, body.getBytes(StandardCharsets.UTF_8), gzip);
	}

	private String message(HttpResponse<byte[]> response) throws Exception {
		assertRefused(response, 400);
		if (response.headers().firstValue("Content-Type").orElse("").startsWith(OtlpClient.JSON)) {
			return json.readTree(response.body()).get("message").asString();
		}
		com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(response.body());
		in.readTag();
		in.readInt32();
		in.readTag();
		return in.readString();
	}

	/** The refusal: the status, nothing stored for the org, nothing charged. */
	private void assertRefused(HttpResponse<byte[]> response, int status) {
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
		assertThat(mongo.getCollection("telemetry_spans").countDocuments(Filters.eq("org", org.value()))).isZero();
		assertThat(ledger.balance(org).available()).isEqualTo(Credits.of(1000));
	}

	private static String jsonSpan(String traceId, String spanId) {
		return """
				{"resourceSpans":[{"scopeSpans":[{"spans":[
				  {"traceId":"%s","spanId":"eee19b7ec3c1b174","name":"ok","startTimeUnixNano":"1","endTimeUnixNano":"2"},
				  {"traceId":"%s","spanId":"%s","name":"bad","startTimeUnixNano":"1","endTimeUnixNano":"2"}
				]}]}]}"""
			.formatted("5b8efff798038103d269b633813fc60c", traceId, spanId);
	}

	private static Span.Builder span(String name) {
		return Span.newBuilder()
			.setTraceId(ByteString.copyFrom(TRACE))
			.setSpanId(ByteString.copyFrom(SPAN))
			.setName(name)
			.setStartTimeUnixNano(1_764_763_200_000_000_000L)
			.setEndTimeUnixNano(1_764_763_201_000_000_000L);
	}

	private static ExportTraceServiceRequest request(Span span) {
		return ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
			.build();
	}

	private static byte[] hex(String hex) {
		return java.util.HexFormat.of().parseHex(hex);
	}

}
