package dev.billforge.generator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.billforge.generator.internal.BrandSettings;
import dev.billforge.generator.internal.InvalidAnswerException;
import dev.billforge.generator.internal.MavenDependency;
import dev.billforge.generator.internal.Meter;
import dev.billforge.generator.internal.Catalog;
import dev.billforge.generator.internal.Pack;
import dev.billforge.generator.internal.Plan;
import dev.billforge.generator.internal.TenantAnswers;
import dev.billforge.generator.internal.TenantGenerator;
import dev.billforge.generator.internal.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code new-tenant}: scaffolds a product tenant from answers; refuses bad input before
 * writing anything.
 */
@Command(name = "new-tenant", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
		description = { "Creates a product tenant.",
				"Writes tenant-<slug>/ (pom, application class, application.yml, catalog.yml, brand pack, tenant.yml)",
				"and adds it to docker-compose.yml and the root pom. Nothing is written when any option is invalid." },
		footer = { "", "Example:",
				"  new-tenant --name \"Acme Docs\" --tag acme_docs --credit-name Credits --meter page=1 \\",
				"    --meter llm_token=0.001 --free-credits 100 --plan individual:19:2000 \\",
				"    --plan team:99:15000:overage=0.01 --pack 1000:10 --primary \"#0F766E\" --port 8090" })
final class NewTenantCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RootOption root;

	@Option(names = "--name", required = true, description = "Product name shown to people, e.g. \"Acme Docs\".")
	String name;

	@Option(names = "--tag", required = true,
			description = "Product tag: API key prefix (<tag>_sk_...), Keycloak realm, Stripe catalog prefix. Lower case letters, digits, _.")
	String tag;

	@Option(names = "--port", required = true, description = "HTTP port (server.port default and compose port).")
	int port;

	@Option(names = "--credit-name", required = true,
			description = "Short name of the credit unit, e.g. SPU or Credits.")
	String creditName;

	@Option(names = "--credit-display-name", description = "Long name of the credit unit (default: the credit name).")
	String creditDisplayName;

	@Option(names = "--meter", required = true, paramLabel = "NAME=RATE[:DISPLAY]",
			description = "A meter and its credits per unit, e.g. page=1 or \"llm_token=0.001:LLM tokens\". Repeatable.")
	List<String> meters = new ArrayList<>();

	@Option(names = "--free-credits", defaultValue = "0",
			description = "Credits granted once to every new org (default ${DEFAULT-VALUE}).")
	String freeCredits;

	@Option(names = "--scale", defaultValue = "2",
			description = "Fractional digits of credit amounts (default ${DEFAULT-VALUE}).")
	int scale;

	@Option(names = "--alert-threshold", split = ",", paramLabel = "PERCENT",
			description = "Alert thresholds in %% of period credits (default 70,90,100).")
	List<Integer> alertThresholds = new ArrayList<>();

	@Option(names = "--rollup-dimension", split = ",", paramLabel = "PROPERTY",
			description = "Usage event properties kept in rollups, e.g. operation,document_type.")
	List<String> rollupDimensions = new ArrayList<>();

	@Option(names = "--plan", paramLabel = "KEY:PRICE:CREDITS[:overage=P][:interval=I][:seats][:trial=D]",
			description = "A subscription plan, e.g. team:99:15000:overage=0.01 (price per month, credits included, overage price per credit); :seats prices it per seat, :trial=14 adds a free trial. Names, lookup keys, features and coupons: tenant.yml (docs/generator.md). Repeatable.")
	List<String> plans = new ArrayList<>();

	@Option(names = "--pack", paramLabel = "CREDITS:PRICE",
			description = "A one-time credit pack, e.g. 1000:10. Repeatable.")
	List<String> packs = new ArrayList<>();

	@Option(names = "--currency", defaultValue = "usd", description = "Catalog currency (default ${DEFAULT-VALUE}).")
	String currency;

	@Option(names = "--primary", required = true,
			description = "Brand primary colour, #RRGGBB or #RGB (quote it in a shell).")
	String primary;

	@Option(names = "--tagline", defaultValue = "", description = "Brand tagline shown under the name.")
	String tagline;

	@Option(names = "--support-email",
			description = "Support address (default support@<slug>.example); legal links derive from its domain.")
	String supportEmail;

	@Option(names = "--description", defaultValue = "",
			description = "One line describing the product (head of application.yml).")
	String description;

	@Option(names = "--slug",
			description = "Folder/application name part (default from --name: \"Acme Docs\" -> acme-docs).")
	String slug;

	@Option(names = "--dependency", paramLabel = "GROUP:ARTIFACT[:VERSION[:SCOPE]]",
			description = "Extra Maven dependency of the product code. Repeatable.")
	List<String> dependencies = new ArrayList<>();

	@Option(names = "--feature", split = ",", paramLabel = "FEATURE",
			description = "A platform feature to switch on, e.g. telemetry (OTLP receiver, agent traces, MCP tools; docs/telemetry.md). Repeatable.")
	List<String> features = new ArrayList<>();

	@Override
	public Integer call() throws Exception {
		long started = System.nanoTime();
		TenantAnswers answers;
		Workspace workspace;
		try {
			workspace = new Workspace(root.root);
			answers = answers();
			new TenantGenerator(workspace).checkNew(answers);
		}
		catch (InvalidAnswerException e) {
			spec.commandLine().getErr().println("Refused, nothing written: " + e.getMessage());
			return GeneratorCli.INVALID_INPUT;
		}
		Path dir;
		try {
			dir = new TenantGenerator(workspace).create(answers);
		}
		catch (InvalidAnswerException e) {
			spec.commandLine().getErr().println("Refused, nothing written: " + e.getMessage());
			return GeneratorCli.INVALID_INPUT;
		}
		var out = spec.commandLine().getOut();
		out.printf("Created %s (tag %s, port %d) in %d ms; added it to pom.xml and docker-compose.yml.%n",
				answers.module(), answers.tag(), answers.port(), (System.nanoTime() - started) / 1_000_000);
		out.printf(
				"Product code goes in %s/src/main/java/dev/billforge/%s/, product settings in src/main/resources/product.yml.%n",
				workspace.root().relativize(dir), answers.javaPackage());
		out.printf(
				"Run it:  ./mvnw -B -q -pl %s -am -DskipTests package && java -jar %s/target/%s-0.1.0-SNAPSHOT.jar%n",
				answers.module(), answers.module(), answers.module());
		// the SDKs (docs/sdks.md) only need the tenant's origin and one of its keys
		out.printf(
				"Call it from code (sdks/, docs/sdks.md): base URL http://localhost:%d (or its PUBLIC_BASE_URL), API keys %s_sk_...%n",
				answers.port(), answers.tag());
		out.printf(
				"  TypeScript: new BillforgeClient({ baseUrl: 'http://localhost:%d', apiKey: process.env.%s_API_KEY })%n",
				answers.port(), answers.tag().toUpperCase(java.util.Locale.ROOT));
		out.printf("  Python:     BillforgeClient('http://localhost:%d', os.environ['%s_API_KEY'])%n", answers.port(),
				answers.tag().toUpperCase(java.util.Locale.ROOT));
		return 0;
	}

	TenantAnswers answers() {
		String effectiveSlug = slug != null ? slug : TenantAnswers.slugOf(name);
		List<Meter> parsedMeters = meters.stream().map(Meter::parse).toList();
		List<Plan> parsedPlans = plans.stream().map(Plan::parse).toList();
		List<Pack> parsedPacks = packs.stream().map(Pack::parse).toList();
		List<MavenDependency> deps = dependencies.stream().map(MavenDependency::parse).toList();
		BigDecimal free;
		if (!freeCredits.matches("\\d+(\\.\\d+)?")) {
			throw new InvalidAnswerException("--free-credits", "'" + freeCredits + "' is not a non-negative decimal");
		}
		free = new BigDecimal(freeCredits);
		String email = supportEmail != null ? supportEmail : "support@" + effectiveSlug + ".example";
		BrandSettings brand = new BrandSettings(true, primary, tagline, email);
		return new TenantAnswers(TenantGenerator.VERSION, name, description, tag, "tenant-" + effectiveSlug,
				effectiveSlug.replace("-", ""), TenantAnswers.applicationClassOf(name), effectiveSlug, port, creditName,
				creditDisplayName, scale, free, alertThresholds, rollupDimensions, parsedMeters,
				new Catalog(currency, parsedPlans, parsedPacks), brand, deps, List.of(), features);
	}

}
