package dev.billforge.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The published API contract ({@code /v3/api-docs}, checked in as
 * {@code api/openapi.json}): credit amounts are decimal strings (exact, never floats),
 * ids plain strings, every {@code /api/v1} operation is authenticated with a Bearer token
 * (an org API key, or the operator token under {@code /api/v1/operator}) and answers
 * errors with the {@code Problem} schema. The document is independent of the port and
 * host it is served from, so the checked-in copy can be compared byte for byte.
 */
@Configuration(proxyBeanMethods = false)
class ApiContractConfiguration {

	static final String API_KEY = "apiKey";

	static final String OPERATOR_TOKEN = "operatorToken";

	/**
	 * Every stable {@code code} an {@code /api/v1} problem can carry. Clients must treat
	 * the list as open: a new code may be added in a minor version (the compatibility
	 * check allows that).
	 */
	static final List<String> PROBLEM_CODES = List.of("invalid_request", "unauthorized", "forbidden", "role_required",
			"not_found", "method_not_allowed", "unsupported_media_type", "length_required", "payload_too_large",
			"insufficient_credits", "cap_reached", "account_blocked", "idempotency_conflict", "reservation_closed",
			"invalid_transition", "dispute_window_closed", "outcome_type_unavailable", "keycloak_mode", "on_contract",
			"contract_schedule_fixed", "live_subscription", "already_subscribed", "no_billing_account",
			"billing_not_configured", "payment_failed", "rate_limited", "throttled", "too_many_holds", "org_limit",
			"payment_provider_error", "payment_provider_unavailable", "ledger_unavailable", "rebuild_failed",
			"unsupported_file_type", "unreadable_document", "too_many_pages", "extraction_failed", "internal_error");

	static {
		// Credits serialise through @JsonValue as a plain decimal string; request
		// decimals accept a
		// JSON number or a string, so the string form is the exact one to document.
		SpringDocUtils.getConfig()
			.replaceWithSchema(Credits.class,
					decimal("A credit amount as a decimal string (exact; never a float).", "95.76"))
			.replaceWithSchema(BigDecimal.class,
					new NumberSchema().format("decimal")
						.description("An exact decimal number; requests may also send it as a string (\"12.5\") "
								+ "so no float rounding happens on the way."))
			.replaceWithSchema(OrgId.class,
					new StringSchema().description("An org id.").example("org_0123456789abcdef"))
			// the org a controller acts for comes from the API key, never from the
			// request
			.addRequestWrapperToIgnore(OrgId.class);
	}

	private static Schema<?> decimal(String description, String example) {
		return new StringSchema().format("decimal")
			.pattern("^-?[0-9]+(\\.[0-9]+)?$")
			.description(description)
			.example(example);
	}

	/**
	 * {@code tag}: the product tag, so the document names this product's key prefix
	 * ({@code <tag>_sk_}).
	 */
	@Bean
	OpenAPI billforgeOpenApi(@Value("${billforge.product.tag:billforge}") String tag) {
		return new OpenAPI()
			.info(new Info().title("Billforge API")
				.version("v1")
				.description("Machine, billing, outcomes and operator API of a Billforge product. Authenticate with "
						+ "`Authorization: Bearer <org API key>` (operator calls: the operator token). Errors are "
						+ "RFC 9457 `application/problem+json` with a stable `code`."))
			.servers(List.of(new Server().url("/").description("the product's own origin")))
			.components(
					new Components()
						.addSecuritySchemes(API_KEY,
								new SecurityScheme().type(SecurityScheme.Type.HTTP)
									.scheme("bearer")
									.description("An org API key, `" + tag
											+ "_sk_...` (issued in the app or by the operator API)."))
						.addSecuritySchemes(OPERATOR_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("The operator token (`BILLFORGE_OPERATOR_TOKEN`, at least 32 characters).")));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new TreeMap<>();
		properties.put("type",
				new StringSchema().format("uri").description("Always `about:blank`.").example("about:blank"));
		properties.put("title", new StringSchema().description("The HTTP reason phrase.").example("Payment Required"));
		properties.put("status", new IntegerSchema().description("The HTTP status.").example(402));
		properties.put("detail",
				new StringSchema().description("What went wrong, for people.").example("not enough credits for 40"));
		properties.put("instance", new StringSchema().format("uri").description("The request path."));
		StringSchema code = new StringSchema();
		PROBLEM_CODES.forEach(code::addEnumItem);
		properties.put("code", code.description("Stable error code to branch on; new codes may be added.")
			.example("insufficient_credits"));
		properties.put("field", new StringSchema().description("The request field that was refused, for bad input.")
			.example("credits"));
		ObjectSchema problem = new ObjectSchema();
		problem.setProperties(properties);
		problem.setRequired(List.of("status", "code"));
		problem.description("RFC 9457 problem details with a stable `code`.");
		return problem;
	}

	/**
	 * Security and the problem response on every {@code /api/v1} operation; anything
	 * outside the API (pages, OTLP) is left out of the document.
	 */
	@Bean
	OpenApiCustomizer billforgeApiOperations() {
		return openApi -> {
			// added here, not on the OpenAPI bean: springdoc drops bean schemas no
			// controller refers to
			openApi.getComponents().addSchemas("Problem", problemSchema());
			ApiFieldDescriptions.apply(openApi);
			openApi.getPaths().keySet().removeIf(path -> !path.startsWith("/api/v1/"));
			openApi.getPaths().forEach((path, item) -> {
				String scheme = path.startsWith("/api/v1/operator/") ? OPERATOR_TOKEN : API_KEY;
				item.readOperations().forEach(operation -> {
					operation.setSecurity(List.of(new SecurityRequirement().addList(scheme)));
					Content problem = new Content().addMediaType("application/problem+json",
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
					operation.getResponses()
						.addApiResponse("default",
								new ApiResponse().description("An error as problem details.").content(problem));
					operation.getResponses().values().forEach(ApiContractConfiguration::namedMediaType);
				});
			});
		};
	}

	/**
	 * springdoc writes {@code *}{@code /*} for a JSON answer; a generated client needs
	 * the real type.
	 */
	private static void namedMediaType(ApiResponse response) {
		Content content = response.getContent();
		if (content != null && content.containsKey("*/*")) {
			content.put("application/json", content.remove("*/*"));
		}
	}

}
