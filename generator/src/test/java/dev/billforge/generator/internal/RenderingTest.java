package dev.billforge.generator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class RenderingTest {

	static TenantAnswers acme(List<Plan> plans, List<Pack> packs, List<MavenDependency> deps) {
		return new TenantAnswers(TenantGenerator.VERSION, "Acme Docs", "", "acme_docs", "tenant-acme-docs", "acmedocs",
				"AcmeDocsApplication", "acme-docs", 8090, "Credits", null, 2, new BigDecimal("100"), null, null,
				List.of(Meter.parse("page=1"), Meter.parse("llm_token=0.001:LLM tokens")),
				new Catalog("usd", plans, packs), new BrandSettings(true, "#0F766E", "", "support@acme.example"), deps,
				List.of(), List.of());
	}

	@Test
	@SuppressWarnings("unchecked")
	void catalogHasThePlansAndPacksInMinorUnitsInTheCatalogFileFormat() {
		TenantAnswers a = acme(List.of(Plan.parse("individual:19:2000"), Plan.parse("team:99.50:15000:overage=0.01")),
				List.of(Pack.parse("1000:10")), List.of());

		Map<String, Object> catalog = new Yaml().load(TenantRenderer.render(a).get("src/main/resources/catalog.yml"));

		assertThat(catalog).containsEntry("currency", "usd");
		List<Map<String, Object>> plans = (List<Map<String, Object>>) catalog.get("plans");
		assertThat(plans.get(0)).containsEntry("key", "individual")
			.containsEntry("name", "Acme Docs Individual")
			.containsEntry("lookupKey", "acme_docs_individual_monthly")
			.containsEntry("amount", 1900)
			.containsEntry("interval", "month")
			.containsEntry("includedCredits", 2000)
			.doesNotContainKey("overagePerCredit");
		assertThat(plans.get(1)).containsEntry("amount", 9950)
			.containsEntry("includedCredits", 15000)
			.containsEntry("overagePerCredit", 1);
		List<Map<String, Object>> packs = (List<Map<String, Object>>) catalog.get("packs");
		assertThat(packs).singleElement()
			.satisfies(p -> assertThat(p).containsEntry("key", "pack_1000")
				.containsEntry("name", "1,000 Credits")
				.containsEntry("lookupKey", "acme_docs_pack_1000")
				.containsEntry("amount", 1000)
				.containsEntry("credits", 1000)
				.containsEntry("minQuantity", 1));
	}

	@Test
	void aTenantWithoutPlansOrPacksHasNoGeneratedCatalog() {
		assertThat(TenantRenderer.render(acme(List.of(), List.of(), List.of())))
			.doesNotContainKey("src/main/resources/catalog.yml");
	}

	@Test
	void fractionalOveragePricesStayExact() {
		TenantAnswers a = acme(List.of(Plan.parse("scale:249:600000:overage=0.0004:interval=year")), List.of(),
				List.of());

		String catalog = TenantRenderer.render(a).get("src/main/resources/catalog.yml");

		assertThat(catalog).contains("overagePerCredit: \"0.04\"\n", "lookupKey: acme_docs_scale_yearly\n",
				"interval: year\n");
	}

	@Test
	void extraDependenciesGoIntoTheMarkedBlockOfThePom() {
		String pom = TenantRenderer
			.render(acme(List.of(), List.of(), List.of(MavenDependency.parse("org.apache.pdfbox:pdfbox"),
					MavenDependency.parse("org.example:lib:1.2:runtime"))))
			.get("pom.xml");

		String block = pom.substring(pom.indexOf(TenantRenderer.DEPENDENCIES_BEGIN),
				pom.indexOf(TenantRenderer.DEPENDENCIES_END));
		assertThat(block).contains("<artifactId>pdfbox</artifactId>", "<version>1.2</version>",
				"<scope>runtime</scope>");
	}

	@Test
	void answersFileRoundTrips() {
		TenantAnswers a = acme(List.of(Plan.parse("team:99:15000:overage=0.01")), List.of(Pack.parse("1000:10")),
				List.of(MavenDependency.parse("org.apache.pdfbox:pdfbox:3.0.8:compile")));

		TenantAnswers read = AnswersFile.read(AnswersFile.write(a), "tenant.yml");

		assertThat(read).isEqualTo(a);
	}

	@Test
	void aBrokenAnswersFileNamesTheFileAndTheKey() {
		String yaml = AnswersFile.write(acme(List.of(), List.of(), List.of()))
			.replace("tag: \"acme_docs\"", "tag: \"Acme Docs\"");

		assertThatThrownBy(() -> AnswersFile.read(yaml, "tenant-acme-docs/tenant.yml"))
			.hasMessageStartingWith("tenant-acme-docs/tenant.yml: --tag: 'Acme Docs' is not a valid tag");
	}

	@Test
	void namesThatNeedQuotingAreQuotedInYaml() {
		TenantAnswers a = new TenantAnswers(TenantGenerator.VERSION, "Acme: Docs #1", "", "acme_docs",
				"tenant-acme-docs", "acmedocs", "AcmeDocsApplication", "acme-docs", 8090, "yes", null, 2,
				BigDecimal.ZERO, null, null, List.of(Meter.parse("page=1")), new Catalog("usd", List.of(), List.of()),
				new BrandSettings(true, "#0F766E", "", "support@acme.example"), List.of(), List.of(), List.of());

		Map<String, Object> app = new Yaml().load(TenantRenderer.render(a).get("src/main/resources/application.yml"));

		assertThat(app.toString()).contains("name=Acme: Docs #1", "credit-name=yes");
	}

	@Test
	void derivesFolderAndClassNamesFromTheProductName() {
		assertThat(TenantAnswers.slugOf("Acme Docs")).isEqualTo("acme-docs");
		assertThat(TenantAnswers.slugOf("DocRouter")).isEqualTo("docrouter");
		assertThat(TenantAnswers.applicationClassOf("Lab portal")).isEqualTo("LabPortalApplication");
		assertThat(TenantAnswers.applicationClassOf("SigAgent")).isEqualTo("SigAgentApplication");
		assertThatThrownBy(() -> TenantAnswers.slugOf("42")).hasMessageStartingWith("--name:");
	}

}
