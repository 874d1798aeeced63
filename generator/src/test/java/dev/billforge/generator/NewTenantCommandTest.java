package dev.billforge.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import dev.billforge.branding.BrandPackValidator;
import dev.billforge.generator.TestWorkspace.Run;

class NewTenantCommandTest {

	@TempDir
	Path dir;

	Path root;

	@BeforeEach
	void workspace() throws Exception {
		root = TestWorkspace.create(dir);
	}

	private List<String> acme(String... overrides) {
		List<String> args = new ArrayList<>(List.of("new-tenant", "--root", root.toString(), "--name", "Acme Docs",
				"--tag", "acme_docs", "--credit-name", "Credits", "--meter", "page=1", "--meter", "llm_token=0.001",
				"--free-credits", "100", "--plan", "individual:19:2000", "--plan", "team:99:15000:overage=0.01",
				"--pack", "1000:10", "--primary", "#0F766E", "--port", "8090"));
		for (int i = 0; i < overrides.length; i += 2) {
			int at = args.indexOf(overrides[i]);
			if (at >= 0 && overrides[i + 1] != null) {
				args.set(at + 1, overrides[i + 1]);
			}
			else if (at >= 0) {
				args.remove(at + 1);
				args.remove(at);
			}
			else {
				args.addAll(Arrays.asList(overrides[i], overrides[i + 1]));
			}
		}
		return args;
	}

	@Test
	@SuppressWarnings("unchecked")
	void createsACompleteTenantAndRegistersItInThePomAndCompose() throws Exception {
		Run run = TestWorkspace.run(acme().toArray(String[]::new));

		assertThat(run.exitCode()).as(run.err()).isZero();
		Path t = root.resolve("tenant-acme-docs");
		assertThat(t.resolve("pom.xml")).content()
			.contains("<artifactId>tenant-acme-docs</artifactId>", "<artifactId>platform-core</artifactId>",
					"spring-boot-maven-plugin", "<name>Acme Docs (Billforge tenant)</name>");
		assertThat(t.resolve("src/main/java/dev/billforge/acmedocs/AcmeDocsApplication.java")).content()
			.contains("package dev.billforge.acmedocs;", "public class AcmeDocsApplication");
		Map<String, Object> app = new Yaml().load(Files.readString(t.resolve("src/main/resources/application.yml")));
		Map<String, Object> billforge = (Map<String, Object>) app.get("billforge");
		assertThat(((Map<String, Object>) billforge.get("product"))).containsEntry("tag", "acme_docs")
			.containsEntry("name", "Acme Docs");
		Map<String, Object> metric = (Map<String, Object>) billforge.get("value-metric");
		assertThat(metric).containsEntry("credit-name", "Credits")
			.containsEntry("free-tier", 100)
			.containsEntry("alert-thresholds", List.of(70, 90, 100));
		Map<String, Map<String, Object>> meters = (Map<String, Map<String, Object>>) metric.get("meters");
		assertThat(meters.keySet()).containsExactly("page", "llm_token");
		assertThat(new BigDecimal(meters.get("llm_token").get("rate").toString())).isEqualByComparingTo("0.001");
		assertThat((Map<String, Object>) billforge.get("brand")).containsEntry("allow-default", false);
		assertThat(((Map<String, Map<String, Object>>) billforge.get("identity")).get("keycloak"))
			.containsEntry("realm", "acme_docs");
		Map<String, Object> spring = (Map<String, Object>) app.get("spring");
		assertThat(((Map<String, Object>) spring.get("config"))).containsEntry("import",
				"optional:classpath:product.yml");
		assertThat(((Map<String, Object>) spring.get("application"))).containsEntry("name", "acme-docs");

		assertThat(BrandPackValidator.validate(t.resolve("src/main/resources/brand"))).isEmpty();
		assertThat(t.resolve("src/main/resources/brand/brand.yml")).content()
			.contains("name: \"Acme Docs\"", "primary: \"#0F766E\"");
		assertThat(t.resolve("tenant.yml")).content().contains("tag: \"acme_docs\"", "port: 8090");
		String pom = Files.readString(root.resolve("pom.xml"));
		String modules = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
		assertThat(modules).containsOnlyOnce("    <module>tenant-acme-docs</module>\n");
		Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
		assertThat(((Map<String, Object>) compose.get("services")).keySet()).contains("tenant-acme-docs",
				"tenant-docrouter", "mongodb", "keycloak");
		assertThat(run.out()).contains("Created tenant-acme-docs",
				"base URL http://localhost:8090 (or its PUBLIC_BASE_URL), API keys acme_docs_sk_...",
				"new BillforgeClient({ baseUrl: 'http://localhost:8090', apiKey: process.env.ACME_DOCS_API_KEY })");
		try (var hidden = Files.list(root)) {
			assertThat(hidden.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
		}
	}

	@Test
	void aStagingFolderLeftByAKilledRunIsNeitherATenantNorAnObstacle() throws Exception {
		Path leftover = Files.createDirectories(root.resolve(".tenant-acme-docs.tmp-123/src/main/resources"));
		Files.writeString(leftover.getParent().getParent().getParent().resolve("tenant.yml"), "half: written");

		assertThat(TestWorkspace.run("list", "--root", root.toString()).out()).doesNotContain("acme");
		Run run = TestWorkspace.run(acme().toArray(String[]::new));

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(root.resolve(".tenant-acme-docs.tmp-123")).doesNotExist();
		assertThat(root.resolve("tenant-acme-docs/tenant.yml")).exists();
	}

	@Test
	void aNewTenantIsUpToDateRightAfterItWasGenerated() throws Exception {
		assertThat(TestWorkspace.run(acme().toArray(String[]::new)).exitCode()).isZero();

		Run dry = TestWorkspace.run("regenerate", "--root", root.toString(), "--tenant", "acme_docs", "--dry-run");

		assertThat(dry.exitCode()).isZero();
		assertThat(dry.out()).isEqualTo("Up to date: regenerating changes no file.\n");
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', value = { "--tag|Acme-Docs|--tag: 'Acme-Docs' is not a valid tag",
			"--tag|doc_router|--tag: 'doc_router' is already used by tenant-docrouter",
			"--port|8081|--port: 8081 is already taken by tenant-sigagent",
			"--port|80|--port: 80 is not a port between 1024 and 65535",
			"--primary|#0F766|--primary: '#0F766' is not a colour", "--primary|teal|--primary: 'teal' is not a colour",
			"--meter|page|--meter: 'page' is not name=rate",
			"--meter|page=0|--meter: rate of meter 'page' must be a positive decimal",
			"--meter|Page=1|--meter: meter name 'Page' must be lower case",
			"--meter|page=-1|--meter: rate of meter 'page' '-1' is not a non-negative decimal",
			"--plan|individual:19|--plan: 'individual:19' is not key:price:included-credits",
			"--plan|individual:19.999:2000|--plan: price 19.999 has fractions of a cent",
			"--plan|individual:19:2000:overage=x|--plan: overage of plan 'individual' 'x' is not a non-negative decimal",
			"--plan|team:49:100:seat|--plan: unknown part 'seat' in 'team:49:100:seat'",
			"--plan|team:49:100:trial=0|--plan: plan 'team': trial-days must be a whole number from 1 to 730",
			"--pack|1000|--pack: '1000' is not credits:price",
			"--pack|10.5:10|--pack: credits of a pack must be a positive whole number",
			"--free-credits|lots|--free-credits: 'lots' is not a non-negative decimal",
			"--name|Lab portal|--name: folder tenant-lab-portal already exists",
			"--support-email|nobody|--support-email: 'nobody' is not an address",
			"--feature|billing-magic|--feature: 'billing-magic' is not a feature the generator knows: telemetry", })
	void badInputIsRefusedNamingTheOptionBeforeAnythingIsWritten(String option, String value, String message)
			throws Exception {
		String before = TestWorkspace.snapshot(root);

		Run run = TestWorkspace.run(acme(option, value).toArray(String[]::new));

		assertThat(run.exitCode()).isEqualTo(GeneratorCli.INVALID_INPUT);
		assertThat(run.err()).contains("Refused, nothing written: " + message);
		assertThat(TestWorkspace.snapshot(root)).isEqualTo(before);
	}

	@Test
	@SuppressWarnings("unchecked")
	void featureTelemetrySwitchesTheFeatureOnAndIsRecordedInTenantYml() throws Exception {
		Run run = TestWorkspace.run(acme("--feature", "telemetry").toArray(String[]::new));

		assertThat(run.exitCode()).as(run.err()).isZero();
		Path t = root.resolve("tenant-acme-docs");
		Map<String, Object> app = new Yaml().load(Files.readString(t.resolve("src/main/resources/application.yml")));
		Map<String, Object> billforge = (Map<String, Object>) app.get("billforge");
		assertThat((Map<String, Object>) billforge.get("telemetry")).containsEntry("enabled", true);
		Map<String, Object> answers = new Yaml().load(Files.readString(t.resolve("tenant.yml")));
		assertThat(answers).containsEntry("features", List.of("telemetry"));

		Run without = TestWorkspace
			.run(acme("--name", "Plain Docs", "--tag", "plain_docs", "--port", "8091").toArray(String[]::new));
		assertThat(without.exitCode()).as(without.err()).isZero();
		Map<String, Object> plain = new Yaml()
			.load(Files.readString(root.resolve("tenant-plain-docs/src/main/resources/application.yml")));
		assertThat((Map<String, Object>) plain.get("billforge")).doesNotContainKey("telemetry");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPerSeatPlanWithATrialLandsInCatalogYmlAndTenantYml() throws Exception {
		Run run = TestWorkspace.run(acme("--plan", "team_seat:49:100:overage=0.011:seats:trial=14", "--currency", "eur")
			.toArray(String[]::new));

		assertThat(run.exitCode()).as(run.err()).isZero();
		Path t = root.resolve("tenant-acme-docs");
		Map<String, Object> catalog = new Yaml().load(Files.readString(t.resolve("src/main/resources/catalog.yml")));
		assertThat(catalog).containsEntry("currency", "eur");
		List<Map<String, Object>> plans = (List<Map<String, Object>>) catalog.get("plans");
		assertThat(plans.get(0)).containsEntry("key", "team_seat")
			.containsEntry("lookupKey", "acme_docs_team_seat_monthly")
			.containsEntry("amount", 4900)
			.containsEntry("includedCredits", 100)
			.containsEntry("overagePerCredit", "1.1")
			.containsEntry("seats", true)
			.containsEntry("trialDays", 14);
		assertThat(plans.get(1)).containsEntry("key", "team").doesNotContainKeys("seats", "trialDays");
		assertThat(t.resolve("tenant.yml")).content().contains("      seats: true\n      trial-days: 14\n");
		Run dry = TestWorkspace.run("regenerate", "--root", root.toString(), "--tenant", "acme_docs", "--dry-run");
		assertThat(dry.out()).isEqualTo("Up to date: regenerating changes no file.\n");
	}

	@Test
	void aMissingRequiredOptionIsNamed() throws Exception {
		String before = TestWorkspace.snapshot(root);

		Run run = TestWorkspace.run(acme("--primary", null).toArray(String[]::new));

		assertThat(run.exitCode()).isEqualTo(GeneratorCli.INVALID_INPUT);
		assertThat(run.err()).contains("Missing required option: '--primary=<primary>'");
		assertThat(TestWorkspace.snapshot(root)).isEqualTo(before);
	}

	@Test
	void everyCommandHasHelp() {
		for (String command : List.of("new-tenant", "regenerate", "rebrand", "list")) {
			Run run = TestWorkspace.run(command, "--help");
			assertThat(run.exitCode()).isZero();
			assertThat(run.out()).startsWith("Usage: billforge-generator " + command);
		}
		assertThat(TestWorkspace.run("new-tenant", "--help").out()).contains("--meter=NAME=RATE[:DISPLAY]",
				"--plan=KEY:PRICE:CREDITS");
		assertThat(TestWorkspace.run("--help").out()).contains("new-tenant", "regenerate", "rebrand", "list");
	}

	@Test
	void listShowsTenantsWithTagsAndPorts() throws Exception {
		assertThat(TestWorkspace.run(acme().toArray(String[]::new)).exitCode()).isZero();

		Run run = TestWorkspace.run("list", "--root", root.toString());

		assertThat(run.out()).containsPattern("tenant-acme-docs\\s+acme_docs\\s+8090\\s+Acme Docs")
			.containsPattern("tenant-docrouter\\s+doc_router\\s+8080\\s+DocRouter")
			.containsPattern("tenant-sigagent\\s+sig_agent\\s+8081");
	}

	@Test
	void refusesAFolderThatIsNotABillforgeRepository() throws Exception {
		Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));

		Run run = TestWorkspace.run(acme("--root", elsewhere.toString()).toArray(String[]::new));

		assertThat(run.exitCode()).isEqualTo(GeneratorCli.INVALID_INPUT);
		assertThat(run.err()).contains("--root:", "is not the root of a Billforge repository");
		try (var files = Files.list(elsewhere)) {
			assertThat(files).isEmpty();
		}
	}

}
