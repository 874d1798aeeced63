package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant.yml whose catalog uses every field, shared by the generator's and the platform
 * round-trip tests.
 */
public final class CatalogFixtures {

	/** Every field of tenant.yml's catalog, as a person would write it. */
	public static final String EVERY_FIELD = """
			catalog:
			  currency: "eur"
			  allow-promotion-codes: true
			  feature-counters:
			    documents_per_month: {meter: "page"}
			    seats: {counter: "members"}
			  free-tier-features: {documents_per_month: 20}
			  enterprise-features: {mcp_access: true, priority_queue: true}
			  plans:
			    - key: "team_seat"
			      name: "Acme Team (per seat)"
			      lookup-key: "acme_team_seat_v2"
			      price: "49.90"
			      included-credits: "100.5"
			      overage: "0.0125"
			      interval: "year"
			      seats: true
			      features: {mcp_access: true, documents_per_month: 500, beta: false}
			      trial-days: 14
			      trial-card-required: false
			      trial-credits: "250"
			      allow-promotion-codes: false
			      currency-options:
			        usd: {price: "54.90", overage: "0.0135"}
			        jpy: {price: "7900", overage: "2"}
			        kwd: {price: "16.750", overage: "0.004"}
			    - key: "basic"
			      price: "9"
			      included-credits: "1000"
			  packs:
			    - credits: "1500"
			      price: "1600"
			      key: "block_10h"
			      name: "10 hours (1,500 Credits)"
			      lookup-key: "acme_block_1500"
			      min-quantity: 2
			      max-quantity: 10
			      features: {priority_queue: true}
			      currency-options:
			        chf: {price: "1500.50"}
			    - credits: "100"
			      price: "5"
			  coupons:
			    - id: "LAUNCH50"
			      name: "Launch, 50 % for two months"
			      percent-off: "50"
			      duration: "repeating"
			      duration-in-months: 2
			      promotion-codes: ["LAUNCH", "launch-friends"]
			    - id: "TENOFF"
			      amount-off: "10.50"
			""";

	private CatalogFixtures() {
	}

	/**
	 * Acme Docs (tag {@code acme_docs}, meters page and llm_token, scale 2) with this
	 * catalog section.
	 */
	public static String tenantYml(String catalogSection) {
		String yaml = AnswersFile.write(acme(new Catalog("usd", List.of(), List.of())));
		int from = yaml.indexOf("catalog:\n");
		int to = yaml.indexOf("brand:\n");
		return yaml.substring(0, from) + catalogSection + yaml.substring(to);
	}

	public static TenantAnswers read(String catalogSection) {
		return AnswersFile.read(tenantYml(catalogSection), "tenant-acme-docs/tenant.yml");
	}

	/** The rendered catalog.yml, or null when none is generated. */
	public static String catalogYml(TenantAnswers a) {
		return TenantRenderer.render(a).get("src/main/resources/catalog.yml");
	}

	static TenantAnswers acme(Catalog catalog) {
		return new TenantAnswers(TenantGenerator.VERSION, "Acme Docs", "", "acme_docs", "tenant-acme-docs", "acmedocs",
				"AcmeDocsApplication", "acme-docs", 8090, "Credits", null, 2, new BigDecimal("100"), null, null,
				List.of(Meter.parse("page=1"), Meter.parse("llm_token=0.001:LLM tokens")), catalog,
				new BrandSettings(true, "#0F766E", "", "support@acme.example"), List.of(), List.of(), List.of());
	}

}
