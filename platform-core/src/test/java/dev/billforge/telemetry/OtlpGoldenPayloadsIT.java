package dev.billforge.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.google.protobuf.TextFormat;
import com.mongodb.client.model.Filters;

import dev.billforge.ledger.CreditLedger;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.valuemetric.Credits;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-made OTLP payloads (src/test/resources/telemetry/golden: GenAI spans and tool
 * spans in OTLP JSON, Claude Code events in protobuf, Claude Code metrics in JSON) and,
 * beside each, the fields it must store and the credits it must cost. Sent twice: the
 * second time stores and charges nothing.
 */
@TelemetryIntegrationTest
class OtlpGoldenPayloadsIT {

	@LocalServerPort
	int port;

	@Autowired
	Orgs orgs;

	@Autowired
	CreditLedger ledger;

	@Autowired
	MongoTemplate mongo;

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "genai-trace.json", "claude-code-logs.txtpb", "claude-code-metrics.json" })
	void goldenPayloadStoresItsFieldsAndCostsItsCredits(String file) throws Exception {
		OrgId org = orgs.create("Golden", ZoneId.of("UTC")).id();
		String key = orgs.createApiKey(org, "ci").key();
		JsonNode expected = json.readTree(resource(file.substring(0, file.lastIndexOf('.')) + ".expected.json"));
		byte[] payload = resource(file);
		String type = OtlpClient.JSON;
		if (file.endsWith(".txtpb")) {
			payload = TextFormat.parse(new String(payload, StandardCharsets.UTF_8), ExportLogsServiceRequest.class)
				.toByteArray();
			type = OtlpClient.PROTOBUF;
		}
		OtlpClient client = new OtlpClient(port);
		Credits cost = Credits.of(expected.get("credits").asString());

		for (int attempt = 1; attempt <= 2; attempt++) {
			HttpResponse<byte[]> response = client.post(expected.get("endpoint").asString(), key, type, payload,
					attempt == 2);
			assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
			assertThat(ledger.balance(org).available()).as("attempt " + attempt)
				.isEqualTo(Credits.of(1000).minus(cost));
		}
		for (JsonNode stored : expected.get("stored")) {
			List<Bson> filter = new ArrayList<>(List.of(Filters.eq("org", org.value())));
			for (Map.Entry<String, JsonNode> field : stored.get("filter").properties()) {
				filter.add(Filters.eq(field.getKey(), field.getValue().asString()));
			}
			List<Document> found = mongo.getCollection(stored.get("collection").asString())
				.find(Filters.and(filter))
				.into(new ArrayList<>());
			assertThat(found).as(stored.get("filter").toString()).hasSize(1);
			for (Map.Entry<String, JsonNode> field : stored.get("fields").properties()) {
				assertThat(normalize(StoredPath.resolve(found.get(0), field.getKey())))
					.as(stored.get("filter") + " " + field.getKey())
					.isEqualTo(normalize(json.treeToValue(field.getValue(), Object.class)));
			}
		}
	}

	/**
	 * Numbers compared by value (a stored long 2 equals an expected 2), lists element by
	 * element.
	 */
	private static Object normalize(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString()).stripTrailingZeros();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(OtlpGoldenPayloadsIT::normalize).toList();
		}
		return value;
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = OtlpGoldenPayloadsIT.class.getResourceAsStream("/telemetry/golden/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

}
