package dev.billforge.docrouter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.billforge.testsupport.AbuseCorpus;
import dev.billforge.testsupport.AbuseHarness;
import dev.billforge.testsupport.AbuseHarness.Answer;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DocRouter's upload endpoint and MCP tools against the hostile values of
 * {@link AbuseCorpus}, judged like platform-core's {@code AbuseSuiteIT}: refused (a 4xx
 * problem, or an MCP error or tool error), no stack trace, in time, nothing written,
 * nothing charged. New tools and endpoints join by being listed in {@link #cases()}.
 */
@BillforgeIntegrationTest(classes = DocRouterApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "billforge.api.operator-token=" + Api.OPERATOR,
				"billforge.billing.catalog.location=classpath:docrouter-mcp-free-catalog.yml",
				"docrouter.documents.max-upload-size=64KB", "billforge.api.max-body-size=512KB",
				"billforge.api.requests-per-second=100000" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocRouterAbuseIT {

	private static final long BODY_LIMIT = 512 * 1024;

	private static final String TEXT = "Invoice No: INV-1\nTotal EUR 10.00\n";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	private AbuseHarness harness;

	private String key;

	@BeforeAll
	void orgKeyAndNormalRequests() throws Exception {
		harness = new AbuseHarness(port, mongo);
		key = new Api(port, json).newOrgKey();
		harness.calibrate(10, List.of(() -> get("/api/v1/balance"), () -> get("/api/v1/documents?limit=5"),
				() -> mcp("{\"name\":\"get_result\",\"arguments\":{\"documentId\":\"doc_none\"}}")));
	}

	@TestFactory
	Stream<DynamicNode> uploadsAndToolsRefuseHostileInputQuicklyWithoutCharging() {
		return cases().entrySet().stream().map(group -> {
			List<DynamicNode> tests = new ArrayList<>();
			Map<String, Object> before = new TreeMap<>();
			tests.add(DynamicTest.dynamicTest("(snapshot before)", () -> before.putAll(snapshot())));
			group.getValue()
				.forEach((name, probe) -> tests.add(DynamicTest.dynamicTest(name,
						() -> harness.assertRefused(group.getKey() + ": " + name, probe.send(), probe.refused()))));
			tests.add(DynamicTest.dynamicTest("nothing was written or charged",
					() -> assertThat(snapshot()).as(group.getKey()).isEqualTo(before)));
			return DynamicContainer.dynamicContainer(group.getKey(), tests);
		});
	}

	interface Send {

		Answer send() throws Exception;

	}

	record Probe(Send request, Predicate<Answer> refused) {

		Answer send() throws Exception {
			return request.send();
		}

	}

	// ---------------------------------------------------------------- the endpoint and
	// tool list

	private Map<String, Map<String, Probe>> cases() {
		Map<String, Map<String, Probe>> cases = new LinkedHashMap<>();
		cases.put("upload POST /api/v1/documents", uploadCases());
		String extract = "{\"name\":\"extract_document\",\"arguments\":{\"fileName\":\"a.txt\",\"text\":\"Invoice\","
				+ "\"documentType\":\"invoice\",\"extractor\":\"offline\",\"idempotencyKey\":\"k1\"}}";
		cases.put("MCP extract_document", toolCases(extract,
				List.of("arguments/documentType", "arguments/extractor", "arguments/idempotencyKey")));
		String base64 = "{\"name\":\"extract_document\",\"arguments\":{\"contentBase64\":\"SGVsbG8=\",\"extractor\":\"offline\"}}";
		cases.put("MCP extract_document (file)", toolCases(base64, List.of("arguments/contentBase64")));
		cases.put("MCP get_result", toolCases("{\"name\":\"get_result\",\"arguments\":{\"documentId\":\"doc_x\"}}",
				List.of("arguments/documentId")));
		return cases;
	}

	private Map<String, Probe> uploadCases() {
		Map<String, Probe> probes = new LinkedHashMap<>();
		byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
		for (String param : List.of("type", "extractor")) {
			AbuseCorpus.textParams(3_000)
				.forEach((what, value) -> probes.put(param + " = " + what,
						new Probe(() -> upload(text, param + "=" + encode(value), null), Answer::isProblem)));
		}
		AbuseCorpus.textParams(3_000).forEach((what, value) -> {
			if (value.chars().noneMatch(Character::isISOControl)) { // a client cannot
																	// send those in a
																	// header
				probes.put("Idempotency-Key = " + what, new Probe(() -> upload(text, null, value), Answer::isProblem));
			}
		});
		probes.put("file: empty", new Probe(() -> upload(new byte[0], null, null), Answer::isProblem));
		probes.put("file: binary junk", new Probe(
				() -> upload(new byte[] { 0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE, 7 }, null, null), Answer::isProblem));
		probes.put("file: above the upload limit",
				new Probe(() -> upload(new byte[100 * 1024], null, null), Answer::isProblem));
		probes.put("body: above the body limit",
				new Probe(() -> upload(new byte[(int) BODY_LIMIT + 1], null, null), Answer::isProblem));
		AbuseCorpus.jsonBodies("{\"file\":\"x\"}", BODY_LIMIT)
			.forEach((what, body) -> probes.put("body: JSON " + what,
					new Probe(() -> harness.send("POST", "/api/v1/documents", "application/json", body, auth()),
							Answer::isProblem)));
		return probes;
	}

	private Map<String, Probe> toolCases(String params, List<String> fields) {
		Map<String, Probe> probes = new LinkedHashMap<>();
		String valid = rpc(params);
		for (String field : fields) {
			AbuseCorpus.stringValues()
				.forEach((what, value) -> probes.put(field + " = " + what, new Probe(
						() -> post(AbuseCorpus.withField(valid, "params/" + field, value)), this::isMcpRefusal)));
		}
		AbuseCorpus.jsonBodies(valid, BODY_LIMIT).forEach((what, body) -> {
			// Spring AI's transport reads the body as text, decoding invalid UTF-8 to
			// U+FFFD: a valid call then
			if (!what.equals("invalid UTF-8")) {
				probes.put("body: " + what,
						new Probe(() -> harness.send("POST", "/api/v1/mcp", "application/json", body, mcpHeaders()),
								this::isMcpRefusal));
			}
		});
		return probes;
	}

	// ---------------------------------------------------------------- helpers

	/** A 4xx, a JSON-RPC error, or a tool result flagged as an error. */
	private boolean isMcpRefusal(Answer answer) {
		if (answer.status() / 100 == 4) {
			return true;
		}
		if (answer.status() != 200 || !answer.body().startsWith("{")) {
			return false;
		}
		JsonNode reply = json.readTree(answer.body());
		return reply.has("error") || (reply.has("result") && reply.get("result").path("isError").asBoolean(false));
	}

	private Map<String, Object> snapshot() throws Exception {
		JsonNode balance = json.readTree(get("/api/v1/balance").body());
		return harness
			.snapshot(Map.of("available", balance.get("available").asString(), "held", balance.get("held").asString()));
	}

	private static String rpc(String params) {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + params + "}";
	}

	private Answer mcp(String params) throws Exception {
		return post(rpc(params));
	}

	private Answer post(String body) throws Exception {
		return harness.send("POST", "/api/v1/mcp", "application/json", body.getBytes(StandardCharsets.UTF_8),
				mcpHeaders());
	}

	private Answer get(String path) throws Exception {
		return harness.send("GET", path, null, null, auth());
	}

	private Answer upload(byte[] content, String query, String idempotencyKey) throws Exception {
		Object[] multipart = Api.multipart("a.txt", content);
		List<String> headers = new ArrayList<>(List.of(auth()));
		if (idempotencyKey != null) {
			headers.addAll(List.of("Idempotency-Key", idempotencyKey));
		}
		return harness.send("POST", "/api/v1/documents" + (query == null ? "" : "?" + query), (String) multipart[0],
				(byte[]) multipart[1], headers.toArray(String[]::new));
	}

	private String[] auth() {
		return new String[] { "Authorization", "Bearer " + key };
	}

	private String[] mcpHeaders() {
		return new String[] { "Authorization", "Bearer " + key, "Accept", "application/json, text/event-stream" };
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
