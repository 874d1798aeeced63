package dev.billforge.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.google.protobuf.ByteString;

import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.testsupport.AbuseCorpus;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server with telemetry on: an agent with the org's API key searches that org's
 * traces, reads one, and gets LLM cost and credit usage; another org's key sees none of
 * it; no key is a 401; bad arguments are tool errors with the API's code.
 */
@TelemetryIntegrationTest
class TelemetryMcpIT {

	private static final String TRACE = "7a1f00c0ffee00000000000000000042";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Orgs orgs;

	@Test
	void agentsSearchAndReadTheirOrgsTracesAndCostsThroughMcp() throws Exception {
		OrgId org = orgs.create("MCP agents", ZoneId.of("UTC")).id();
		String key = orgs.createApiKey(org, "mcp").key();
		assertThat(new OtlpClient(port).post("/v1/traces", key, OtlpClient.PROTOBUF, agentTrace().toByteArray(), true)
			.statusCode()).isEqualTo(200);

		JsonNode init = rpc(key, "initialize",
				"{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");
		assertThat(init.get("result").get("serverInfo").has("name")).isTrue();
		List<String> names = new ArrayList<>();
		rpc(key, "tools/list", "{}").get("result").get("tools").forEach(tool -> names.add(tool.get("name").asString()));
		assertThat(names).contains("search_traces", "get_trace", "get_cost_and_usage");

		JsonNode found = tool(key, "search_traces", "{\"model\":\"gpt-4o\",\"status\":\"error\"}");
		assertThat(found.get("rows")).hasSize(1);
		JsonNode row = found.get("rows").get(0);
		assertThat(row.get("traceId").asString()).isEqualTo(TRACE);
		assertThat(row.get("spans").asInt()).isEqualTo(2);
		assertThat(row.get("errors").asInt()).isEqualTo(1);
		assertThat(tool(key, "search_traces", "{\"model\":\"claude-sonnet-4\"}").get("rows")).isEmpty();

		JsonNode trace = tool(key, "get_trace", "{\"traceId\":\"" + TRACE + "\"}");
		assertThat(trace.get("spans")).hasSize(2);
		assertThat(trace.get("spans").get(1).get("toolName").asString()).isEqualTo("search_flights");
		assertThat(trace.get("spans").get(1).get("error").asBoolean()).isTrue();

		JsonNode costs = tool(key, "get_cost_and_usage", "{\"days\":1}");
		JsonNode byModel = costs.get("costByModel").get(0);
		assertThat(byModel.get("key").asString()).isEqualTo("gpt-4o");
		// 1000 × $2.5/M + 200 × $10/M = $0.0045
		assertThat(byModel.get("costUsd").decimalValue()).isEqualByComparingTo("0.0045");
		assertThat(costs.get("credits").get("creditName").asString()).isEqualTo("TC");
		// 1,000 free − 2 spans × 0.01 − 1 trace × 0.1 − $0.0045 × 100 TC/$ = 999.43
		assertThat(costs.get("credits").get("available").asString()).isEqualTo("999.43");
	}

	@Test
	void anotherOrgsKeySeesNoneOfTheTracesAndNoKeyIsRefused() throws Exception {
		OrgId owner = orgs.create("MCP owner", ZoneId.of("UTC")).id();
		String ownerKey = orgs.createApiKey(owner, "mcp").key();
		String traceId = "7a1f00c0ffee000000000000000000ff";
		assertThat(new OtlpClient(port)
			.post("/v1/traces", ownerKey, OtlpClient.PROTOBUF, agentTrace(traceId).toByteArray(), false)
			.statusCode()).isEqualTo(200);
		String strangerKey = orgs.createApiKey(orgs.create("MCP stranger", ZoneId.of("UTC")).id(), "mcp").key();

		assertThat(tool(strangerKey, "search_traces", "{}").get("rows")).isEmpty();
		JsonNode foreign = call(strangerKey, "get_trace", "{\"traceId\":\"" + traceId + "\"}");
		assertThat(foreign.get("isError").asBoolean()).isTrue();
		assertThat(foreign.get("structuredContent").get("code").asString()).isEqualTo("not_found");
		assertThat(tool(strangerKey, "get_cost_and_usage", "{}").get("costByModel")).isEmpty();

		JsonNode tooBig = call(ownerKey, "search_traces", "{\"pageSize\":100000}");
		assertThat(tooBig.get("isError").asBoolean()).isTrue();
		assertThat(tooBig.get("structuredContent").get("code").asString()).isEqualTo("invalid_request");
		JsonNode badDate = call(ownerKey, "search_traces", "{\"from\":\"yesterday\"}");
		assertThat(badDate.get("structuredContent").get("code").asString()).isEqualTo("invalid_request");

		assertThat(post(null, "tools/list", "{}").statusCode()).isEqualTo(401);
		assertThat(post("sig_agent_sk_not-a-key", "tools/list", "{}").statusCode()).isEqualTo(401);
	}

	/**
	 * The abuse corpus on every tool argument: a tool error or JSON-RPC error, never a
	 * 5xx or a stack trace.
	 */
	@Test
	void hostileArgumentsAreRefusedByEveryTool() throws Exception {
		String key = orgs.createApiKey(orgs.create("MCP abuse", ZoneId.of("UTC")).id(), "mcp").key();
		Map<String, List<String>> numbers = Map.of("search_traces",
				List.of("minDurationMs", "maxDurationMs", "page", "pageSize"), "get_cost_and_usage", List.of("days"));
		Map<String, List<String>> texts = Map.of("search_traces",
				List.of("service", "agent", "model", "status", "from", "to", "text"), "get_trace", List.of("traceId"));
		List<String> notRefused = new ArrayList<>();
		for (String tool : List.of("search_traces", "get_trace", "get_cost_and_usage")) {
			String valid = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
					+ "\",\"arguments\":{\"probe\":1}}}";
			Map<String, String> cases = new java.util.LinkedHashMap<>();
			numbers.getOrDefault(tool, List.of())
				.forEach(
						field -> AbuseCorpus.numberValues()
							.forEach((what, value) -> cases.put(field + " = " + what,
									AbuseCorpus.withField(valid.replace("\"probe\"", "\"" + field + "\""),
											"params/arguments/" + field, value))));
			texts.getOrDefault(tool, List.of())
				.forEach(
						field -> AbuseCorpus.stringValues()
							.forEach((what, value) -> cases.put(field + " = " + what,
									AbuseCorpus.withField(valid.replace("\"probe\"", "\"" + field + "\""),
											"params/arguments/" + field, value))));
			for (Map.Entry<String, String> probe : cases.entrySet()) {
				HttpResponse<String> answer = http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/mcp"))
						.header("Content-Type", "application/json")
						.header("Accept", "application/json, text/event-stream")
						.header("Authorization", "Bearer " + key)
						.POST(HttpRequest.BodyPublishers.ofString(probe.getValue()))
						.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				boolean refused = answer.statusCode() / 100 == 4 || (answer.statusCode() == 200
						&& (answer.body().contains("\"isError\":true") || answer.body().contains("\"error\":{")));
				boolean leaks = AbuseCorpus.LEAKS.stream().anyMatch(answer.body()::contains);
				if (!refused || leaks) {
					notRefused.add(tool + " " + probe.getKey() + " -> " + answer.statusCode() + " "
							+ answer.body().substring(0, Math.min(200, answer.body().length())));
				}
			}
		}
		assertThat(notRefused).isEmpty();
	}

	private JsonNode tool(String key, String name, String arguments) throws Exception {
		JsonNode result = call(key, name, arguments);
		assertThat(result.path("isError").asBoolean(false)).as(result.toString()).isFalse();
		return result.get("structuredContent");
	}

	private JsonNode call(String key, String name, String arguments) throws Exception {
		return rpc(key, "tools/call", "{\"name\":\"" + name + "\",\"arguments\":" + arguments + "}").get("result");
	}

	private JsonNode rpc(String key, String method, String params) throws Exception {
		HttpResponse<String> response = post(key, method, params);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> post(String key, String method, String params) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/mcp"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static ExportTraceServiceRequest agentTrace() {
		return agentTrace(TRACE);
	}

	/**
	 * A chat call (gpt-4o, 1000 in, 200 out) and a failed tool call, received just now.
	 */
	static ExportTraceServiceRequest agentTrace(String traceId) {
		long now = Instant.now().toEpochMilli() * 1_000_000L;
		Span chat = span(traceId, 1, "chat gpt-4o", now, now + 800_000_000L)
			.addAttributes(string("gen_ai.operation.name", "chat"))
			.addAttributes(string("gen_ai.request.model", "gpt-4o"))
			.addAttributes(integer("gen_ai.usage.input_tokens", 1000))
			.addAttributes(integer("gen_ai.usage.output_tokens", 200))
			.build();
		Span tool = span(traceId, 2, "execute_tool search_flights", now + 800_000_000L, now + 900_000_000L)
			.setParentSpanId(chat.getSpanId())
			.addAttributes(string("gen_ai.operation.name", "execute_tool"))
			.addAttributes(string("gen_ai.tool.name", "search_flights"))
			.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("upstream 503"))
			.build();
		return ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder()
				.setResource(Resource.newBuilder().addAttributes(string("service.name", "travel-agent")))
				.addScopeSpans(ScopeSpans.newBuilder().addSpans(chat).addSpans(tool)))
			.build();
	}

	private static Span.Builder span(String traceId, long spanId, String name, long start, long end) {
		return Span.newBuilder()
			.setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(traceId)))
			.setSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(spanId).array()))
			.setName(name)
			.setStartTimeUnixNano(start)
			.setEndTimeUnixNano(end);
	}

	private static KeyValue string(String key, String value) {
		return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
	}

	private static KeyValue integer(String key, long value) {
		return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
	}

}
