package dev.billforge.sdk.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SdkGeneratorTest {

	private static JsonNode spec(String requestProperties) {
		return JsonMapper.builder().build().readTree("""
				{"openapi": "3.1.0",
				 "paths": {"/api/v1/things": {"post": {"operationId": "createThing", "tags": ["usage"],
				   "summary": "Creates a thing.",
				   "requestBody": {"required": true, "content": {"application/json":
				     {"schema": {"$ref": "#/components/schemas/ThingRequest"}}}},
				   "responses": {"200": {"content": {"application/json":
				     {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
				 "components": {"schemas": {
				   "ThingRequest": {"type": "object", "properties": %s},
				   "Thing": {"type": "object", "properties": {"id": {"type": "string"}}},
				   "Problem": {"type": "object", "properties": {"code": {"type": "string"}}}}}}
				""".formatted(requestProperties));
	}

	@Test
	void aPropertyNamedLikeAJavaKeywordIsRefusedWithTheLikelyCause() {
		// what a JsonNode field without @Schema(implementation = ...) put into the spec
		// once
		assertThatIllegalStateException()
			.isThrownBy(() -> new SdkGenerator(spec("{\"float\": {\"type\": \"boolean\"}}")))
			.withMessageContaining("ThingRequest")
			.withMessageContaining("'float'")
			.withMessageContaining("@Schema(implementation");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SdkGenerator(spec("{\"null\": {\"type\": \"boolean\"}}")));
		assertThatIllegalStateException()
			.isThrownBy(() -> new SdkGenerator(spec("{\"not-an-identifier\": {\"type\": \"string\"}}")));
	}

	@Test
	void requestRecordsGetABuilderResponseRecordsDoNot() {
		String models = new SdkGenerator(spec("{\"name\": {\"type\": \"string\"}, \"count\": {\"type\": \"integer\"}}"))
			.files()
			.get("sdks/java/src/main/java/dev/billforge/sdk/Models.java");
		String request = models.substring(models.indexOf("public record ThingRequest"));
		assertThat(request).contains("public static Builder builder()", "public Builder name(String name)",
				"public Builder count(Integer count)", "return new ThingRequest(name, count);");
		String response = models.substring(models.indexOf("public record Thing("),
				models.indexOf("public record ThingRequest"));
		assertThat(response).doesNotContain("Builder");
	}

}
