package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads and writes {@code tenant.yml}, the answers a tenant was generated from. */
public final class AnswersFile {

	public static final String FILE_NAME = "tenant.yml";

	private AnswersFile() {
	}

	public static String write(TenantAnswers a) {
		StringBuilder y = new StringBuilder(2048);
		y.append("# Answers the Billforge generator generated this tenant from (docs/generator.md).\n");
		y.append("# Change them, then: java -jar generator/target/generator.jar regenerate --tenant ")
			.append(a.tag())
			.append(" [--dry-run]\n");
		y.append("generator-version: ").append(q(a.generatorVersion())).append('\n');
		y.append("name: ").append(q(a.name())).append('\n');
		y.append("description: ").append(q(a.description())).append('\n');
		y.append("tag: ").append(q(a.tag())).append('\n');
		y.append("module: ").append(q(a.module())).append('\n');
		y.append("package: ").append(q(a.javaPackage())).append('\n');
		y.append("application-class: ").append(q(a.applicationClass())).append('\n');
		y.append("application-name: ").append(q(a.applicationName())).append('\n');
		y.append("port: ").append(a.port()).append('\n');
		y.append("value-metric:\n");
		y.append("  credit-name: ").append(q(a.creditName())).append('\n');
		y.append("  credit-display-name: ").append(q(a.creditDisplayName())).append('\n');
		y.append("  scale: ").append(a.scale()).append('\n');
		y.append("  free-credits: ").append(q(Decimals.plain(a.freeCredits()))).append('\n');
		y.append("  alert-thresholds: ").append(a.alertThresholds()).append('\n');
		y.append("  rollup-dimensions: ").append(list(a.rollupDimensions(), AnswersFile::q)).append('\n');
		y.append("  meters:\n");
		for (Meter m : a.meters()) {
			y.append("    - name: ").append(q(m.name())).append('\n');
			y.append("      rate: ").append(q(Decimals.plain(m.rate()))).append('\n');
			y.append("      display-name: ").append(q(m.displayName())).append('\n');
		}
		CatalogAnswers.write(y, a.catalog());
		BrandSettings b = a.brand();
		y.append("brand:\n");
		y.append("  # true: the pack in src/main/resources/brand is regenerated from these answers;\n");
		y.append("  # false after `rebrand`: the pack is the client's and regeneration leaves it alone\n");
		y.append("  managed: ").append(b.managed()).append('\n');
		y.append("  primary: ").append(q(b.primary())).append('\n');
		y.append("  tagline: ").append(q(b.tagline())).append('\n');
		y.append("  support-email: ").append(q(b.supportEmail())).append('\n');
		y.append("# Extra Maven dependencies of the product code, rendered into the marked block of pom.xml\n");
		writeDependencies(y, "dependencies", a.dependencies());
		y.append("# BOMs imported into the pom's dependencyManagement (e.g. a Spring AI BOM)\n");
		writeDependencies(y, "bom-imports", a.bomImports());
		y.append(
				"# Platform features switched on in application.yml (settings in product.yml), e.g. [\"telemetry\"]\n");
		y.append("features: ").append(list(a.features(), AnswersFile::q)).append('\n');
		return y.toString();
	}

	private static void writeDependencies(StringBuilder y, String key, List<MavenDependency> deps) {
		y.append(key).append(':').append(deps.isEmpty() ? " []" : "").append('\n');
		for (MavenDependency d : deps) {
			y.append("  - group-id: ").append(q(d.groupId())).append('\n');
			y.append("    artifact-id: ").append(q(d.artifactId())).append('\n');
			if (d.version() != null) {
				y.append("    version: ").append(q(d.version())).append('\n');
			}
			if (d.scope() != null) {
				y.append("    scope: ").append(q(d.scope())).append('\n');
			}
			if (d.type() != null) {
				y.append("    type: ").append(q(d.type())).append('\n');
			}
		}
	}

	private static String q(String s) {
		return Texts.quoted(s);
	}

	private static <T> String list(List<T> items, Function<T, String> f) {
		return items.stream().map(f).collect(Collectors.joining(", ", "[", "]"));
	}

	/**
	 * Parses a tenant.yml; problems are reported as {@link InvalidAnswerException} naming
	 * the file and key.
	 */
	public static TenantAnswers read(String yaml, String source) {
		Object root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false); // a key written twice (eur under
													// currency-options) is refused, never
													// the last one silently kept
			root = new Yaml(new SafeConstructor(options)).load(yaml);
		}
		catch (RuntimeException e) {
			throw new InvalidAnswerException(source, "is not valid YAML: " + e.getMessage());
		}
		if (!(root instanceof Map<?, ?> m)) {
			throw new InvalidAnswerException(source, "must be a mapping");
		}
		try {
			Map<?, ?> vm = map(m, "value-metric");
			Map<?, ?> catalog = map(m, "catalog");
			Map<?, ?> brand = map(m, "brand");
			List<Meter> meters = new ArrayList<>();
			for (Map<?, ?> e : maps(vm, "meters")) {
				meters.add(new Meter(str(e, "name"), new BigDecimal(str(e, "rate")), opt(e, "display-name")));
			}
			List<Integer> thresholds = new ArrayList<>();
			for (Object t : (List<?>) vm.get("alert-thresholds")) {
				thresholds.add(Integer.valueOf(t.toString()));
			}
			List<String> dims = new ArrayList<>();
			Object rawDims = vm.get("rollup-dimensions");
			if (rawDims != null) {
				((List<?>) rawDims).forEach(d -> dims.add(d.toString()));
			}
			BrandSettings brandSettings = new BrandSettings(Boolean.parseBoolean(str(brand, "managed")),
					str(brand, "primary"), opt(brand, "tagline"), str(brand, "support-email"));
			return new TenantAnswers(str(m, "generator-version"), str(m, "name"), opt(m, "description"), str(m, "tag"),
					str(m, "module"), str(m, "package"), str(m, "application-class"), str(m, "application-name"),
					Integer.parseInt(str(m, "port")), str(vm, "credit-name"), opt(vm, "credit-display-name"),
					Integer.parseInt(str(vm, "scale")), new BigDecimal(str(vm, "free-credits")), thresholds, dims,
					meters, CatalogAnswers.read(catalog), brandSettings, dependencies(m, "dependencies"),
					dependencies(m, "bom-imports"), strings(m, "features"));
		}
		catch (InvalidAnswerException e) {
			throw new InvalidAnswerException(source, e.getMessage());
		}
		catch (RuntimeException e) {
			throw new InvalidAnswerException(source, "cannot be read: " + e);
		}
	}

	/** A list of texts; absent (a tenant.yml from before the key existed) is empty. */
	private static List<String> strings(Map<?, ?> m, String key) {
		Object v = m.get(key);
		if (v == null) {
			return List.of();
		}
		if (!(v instanceof List<?> list)) {
			throw new InvalidAnswerException(key, "must be a list");
		}
		return list.stream().map(String::valueOf).toList();
	}

	private static List<MavenDependency> dependencies(Map<?, ?> m, String key) {
		List<MavenDependency> deps = new ArrayList<>();
		for (Map<?, ?> e : maps(m, key)) {
			deps.add(new MavenDependency(str(e, "group-id"), str(e, "artifact-id"), opt(e, "version"), opt(e, "scope"),
					opt(e, "type")));
		}
		return deps;
	}

	private static Map<?, ?> map(Map<?, ?> m, String key) {
		Object v = m.get(key);
		if (!(v instanceof Map<?, ?> inner)) {
			throw new InvalidAnswerException(key, "is missing or not a mapping");
		}
		return inner;
	}

	static List<Map<?, ?>> maps(Map<?, ?> m, String key) {
		Object v = m.get(key);
		if (v == null) {
			return List.of();
		}
		if (!(v instanceof List<?> list)) {
			throw new InvalidAnswerException(key, "must be a list");
		}
		List<Map<?, ?>> out = new ArrayList<>();
		for (Object o : list) {
			if (!(o instanceof Map<?, ?> item)) {
				throw new InvalidAnswerException(key, "entries must be mappings");
			}
			out.add(item);
		}
		return out;
	}

	static String str(Map<?, ?> m, String key) {
		Object v = m.get(key);
		if (v == null) {
			throw new InvalidAnswerException(key, "is required");
		}
		return v.toString();
	}

	static String opt(Map<?, ?> m, String key) {
		Object v = m.get(key);
		return v == null ? null : v.toString();
	}

}
