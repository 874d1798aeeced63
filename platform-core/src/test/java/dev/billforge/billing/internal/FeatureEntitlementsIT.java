package dev.billforge.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.stripe.StripeClient;
import com.stripe.model.Price;
import com.stripe.param.PriceListParams;

import dev.billforge.billing.ContractTerms;
import dev.billforge.billing.EnterpriseContracts;
import dev.billforge.entitlements.Entitlements;
import dev.billforge.entitlements.RequiresFeature;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feature entitlements as an org's API key and tenant code see them, through the real
 * Stripe client and the emulator: the free tier's set, a plan's (bought through
 * Checkout), a pack's on top, an enterprise contract's; limits counted from usage; a plan
 * keeps its features when the catalog changes them.
 */
@BillingIntegrationTest(properties = "billforge.billing.catalog.location=classpath:entitlements-test-catalog.yml")
@Import(FeatureEntitlementsIT.Guarded.class)
class FeatureEntitlementsIT {

	/** A tenant endpoint behind the guard. */
	@RestController
	@RequiresFeature("mcp_access")
	static class Guarded {

		@GetMapping("/api/v1/test-guarded")
		String ok() {
			return "ok";
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	StripeClient stripe;

	@Autowired
	StripeBackend backend;

	@Autowired
	EmulatorSteps emulator;

	@Autowired
	Orgs orgs;

	@Autowired
	BillingFlows flows;

	@Autowired
	CatalogPusher pusher;

	@Autowired
	CatalogService catalog;

	@Autowired
	EnterpriseContracts contracts;

	@Autowired
	Entitlements entitlements;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theFreeTiersLimitIsCountedFromUsageAndItsMissingSwitchIsRefused() throws Exception {
		Org org = orgs.create("Free", ZoneId.of("UTC"));
		String key = orgs.createApiKey(org.id(), "ci").key();
		JsonNode list = api("GET", "/api/v1/entitlements", key, null, 200);
		assertThat(list.get("data")).hasSize(1);
		JsonNode docs = list.get("data").get(0);
		assertThat(docs.get("feature").asString()).isEqualTo("documents_per_month");
		assertThat(docs.get("limit").asLong()).isEqualTo(5);
		assertThat(docs.get("used").asLong()).isZero();
		assertThat(docs.get("source").asString()).isEqualTo("free");

		JsonNode mcp = api("POST", "/api/v1/entitlements/check", key, "{\"feature\":\"mcp_access\"}", 200);
		assertThat(mcp.get("allowed").asBoolean()).isFalse();
		assertThat(mcp.get("reason").asString()).isEqualTo("feature_not_included");
		assertThat(api("GET", "/api/v1/test-guarded", key, null, 402).get("code").asString())
			.isEqualTo("feature_not_included");

		api("POST", "/api/v1/usage", key,
				"{\"events\":[{\"idempotencyKey\":\"p1\",\"meter\":\"page\",\"quantity\":3}]}", 200);
		JsonNode tooMany = api("POST", "/api/v1/entitlements/check", key,
				"{\"feature\":\"documents_per_month\",\"quantity\":3}", 200);
		assertThat(tooMany.get("allowed").asBoolean()).isFalse();
		assertThat(tooMany.get("reason").asString()).isEqualTo("feature_limit_reached");
		assertThat(tooMany.get("used").asLong()).isEqualTo(3);
		assertThat(tooMany.get("remaining").asLong()).isEqualTo(2);
		assertThat(api("POST", "/api/v1/entitlements/check", key,
				"{\"feature\":\"documents_per_month\",\"quantity\":2}", 200)
			.get("allowed")
			.asBoolean()).isTrue();

		// The credit check is unchanged, and the two kinds of body do not mix.
		JsonNode credits = api("POST", "/api/v1/entitlements/check", key, "{\"credits\":1}", 200);
		assertThat(credits.get("allowed").asBoolean()).isTrue();
		assertThat(credits.get("credits").asString()).isEqualTo("1");
		assertThat(api("POST", "/api/v1/entitlements/check", key, "{\"feature\":\"mcp_access\",\"credits\":1}", 400)
			.get("code")
			.asString()).isEqualTo("invalid_request");
		assertThat(api("POST", "/api/v1/entitlements/check", key,
				"{\"feature\":\"documents_per_month\",\"quantity\":1.5}", 400)
			.get("field")
			.asString()).isEqualTo("quantity");
	}

	@Test
	void aPlanBoughtThroughCheckoutGivesItsFeaturesAndKeepsThemWhenTheCatalogDropsOne() throws Exception {
		Org org = orgs.create("Pro", ZoneId.of("UTC"));
		String key = orgs.createApiKey(org.id(), "ci").key();
		buy(org.id(), "test_pro_monthly");
		assertThat(entitlements.has(org.id(), "mcp_access")).isTrue();
		JsonNode docs = feature(api("GET", "/api/v1/entitlements", key, null, 200), "documents_per_month");
		assertThat(docs.get("limit").asLong()).isEqualTo(500);
		assertThat(docs.get("source").asString()).isEqualTo("plan:test_pro_monthly");
		assertThat(api("GET", "/api/v1/test-guarded", key, null, 200)).isNotNull();

		// The catalog drops mcp_access from Pro: a new price takes the lookup key, the
		// subscription keeps the old one's.
		CatalogFile changed = CatalogFile.parse(new org.yaml.snakeyaml.Yaml().load("""
				currency: usd
				plans:
				  - {key: pro, name: Test Pro, lookupKey: test_pro_monthly, amount: 1900, interval: month,
				     includedCredits: 2000, features: {documents_per_month: 500}}
				"""), "changed");
		assertThat(pusher.push(changed)).anySatisfy(c -> assertThat(c.action()).isEqualTo("replace price"));
		catalog.invalidate();
		Price current = stripe.v1()
			.prices()
			.list(PriceListParams.builder().addLookupKey("test_pro_monthly").build())
			.getData()
			.get(0);
		assertThat(current.getMetadata()).containsEntry("features", "documents_per_month=500");
		assertThat(catalog.byLookupKey("test_pro_monthly").orElseThrow().features().has("mcp_access")).isFalse();
		assertThat(entitlements.has(org.id(), "mcp_access")).as("grandfathered with the price").isTrue();
	}

	@Test
	void aPackAddsItsFeaturesAndAnEnterpriseContractHasTheCatalogsEnterpriseSet() throws Exception {
		Org packed = orgs.create("Packed", ZoneId.of("UTC"));
		assertThat(entitlements.has(packed.id(), "priority_queue")).isFalse();
		buy(packed.id(), "test_boost");
		assertThat(entitlements.has(packed.id(), "priority_queue")).isTrue();
		assertThat(entitlements.check(packed.id(), "documents_per_month", 1).limit()).as("still the free tier's")
			.isEqualTo(5);

		Org enterprise = orgs.create("Enterprise", ZoneId.of("UTC"));
		contracts.put(enterprise.id(),
				new ContractTerms("MSA", new BigDecimal("50000"), null, null, null, false, null, null));
		assertThat(entitlements.has(enterprise.id(), "mcp_access")).isTrue();
		assertThat(entitlements.list(enterprise.id())).allSatisfy(e -> assertThat(e.source()).isEqualTo("contract"));
		assertThat(entitlements.check(enterprise.id(), "documents_per_month", 1).limit()).isEqualTo(100000);
	}

	private void buy(OrgId org, String lookupKey) throws Exception {
		String session = flows.checkout(org, lookupKey, null).id();
		emulator.completeCheckout(session, "card_success");
		emulator.settle();
	}

	private static JsonNode feature(JsonNode list, String name) {
		for (JsonNode e : list.get("data")) {
			if (e.get("feature").asString().equals(name)) {
				return e;
			}
		}
		throw new AssertionError(name + " not in " + list);
	}

	private JsonNode api(String method, String path, String key, String body, int status) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response.body().startsWith("{") ? json.readTree(response.body()) : json.readTree("{}");
	}

}
