package dev.billforge.generator.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a tenant is generated from — what {@code new-tenant} was asked and what
 * {@code tenant.yml} records. Validated on construction, so an instance is always
 * renderable.
 *
 * @param generatorVersion the generator that last wrote the files
 * @param description one line for the head of application.yml (may be empty)
 * @param module folder and artifact id, e.g. {@code tenant-acme-docs}
 * @param javaPackage last segment under {@code dev.billforge}, e.g. {@code acmedocs}
 * @param applicationName {@code spring.application.name}, e.g. {@code acme-docs}
 * @param catalog the Stripe catalog rendered into catalog.yml
 * @param features platform features switched on in application.yml, e.g.
 * {@code telemetry}
 */
public record TenantAnswers(String generatorVersion, String name, String description, String tag, String module,
		String javaPackage, String applicationClass, String applicationName, int port, String creditName,
		String creditDisplayName, int scale, BigDecimal freeCredits, List<Integer> alertThresholds,
		List<String> rollupDimensions, List<Meter> meters, Catalog catalog, BrandSettings brand,
		List<MavenDependency> dependencies, List<MavenDependency> bomImports, List<String> features) {

	/**
	 * Platform features the generator can switch on ({@code --feature}); each maps to
	 * billforge.&lt;feature&gt;.enabled.
	 */
	public static final Set<String> FEATURES = Set.of("telemetry");

	static final Pattern TAG = Pattern.compile("[a-z][a-z0-9_]{1,29}");

	private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,39}");

	private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9]{0,39}");

	private static final Pattern CLASS = Pattern.compile("[A-Z][A-Za-z0-9]{0,60}");

	private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
			"final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
			"long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
			"strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
			"volatile", "while", "true", "false", "null", "var", "record", "yield");

	public TenantAnswers {
		Texts.requireOneLine("--name", name, 60);
		description = description == null ? "" : description;
		if (!description.isEmpty()) {
			Texts.requireOneLine("--description", description, 200);
		}
		if (tag == null || !TAG.matcher(tag).matches()) {
			throw new InvalidAnswerException("--tag", "'" + tag
					+ "' is not a valid tag: lower case letters, digits and _ , starting with a letter, 2 to 30 characters (it prefixes API keys, names the Keycloak realm and the Stripe catalog)");
		}
		if (module == null || !module.startsWith("tenant-") || !SLUG.matcher(module.substring(7)).matches()) {
			throw new InvalidAnswerException("--slug",
					"module '" + module + "' must be tenant-<lower case letters, digits and ->");
		}
		if (javaPackage == null || !PACKAGE.matcher(javaPackage).matches() || JAVA_KEYWORDS.contains(javaPackage)) {
			throw new InvalidAnswerException("--slug", "'" + javaPackage + "' is not a usable Java package name");
		}
		if (applicationClass == null || !CLASS.matcher(applicationClass).matches()) {
			throw new InvalidAnswerException("--name", "'" + applicationClass + "' is not a usable Java class name");
		}
		if (applicationName == null || !SLUG.matcher(applicationName).matches()) {
			throw new InvalidAnswerException("--slug",
					"application name '" + applicationName + "' must be lower case letters, digits and -");
		}
		if (port < 1024 || port > 65535) {
			throw new InvalidAnswerException("--port", port + " is not a port between 1024 and 65535");
		}
		Texts.requireOneLine("--credit-name", creditName, 20);
		creditDisplayName = creditDisplayName == null || creditDisplayName.isBlank() ? creditName : creditDisplayName;
		Texts.requireOneLine("--credit-display-name", creditDisplayName, 60);
		if (scale < 0 || scale > 6) {
			throw new InvalidAnswerException("--scale", scale + " must be between 0 and 6 fractional digits");
		}
		freeCredits = Decimals.normal(freeCredits == null ? BigDecimal.ZERO : freeCredits);
		if (freeCredits.signum() < 0) {
			throw new InvalidAnswerException("--free-credits", "must not be negative");
		}
		if (freeCredits.scale() > scale) {
			throw new InvalidAnswerException("--free-credits",
					freeCredits.toPlainString() + " has more than " + scale + " fractional digits (--scale)");
		}
		alertThresholds = List
			.copyOf(alertThresholds == null || alertThresholds.isEmpty() ? List.of(70, 90, 100) : alertThresholds);
		for (int t : alertThresholds) {
			if (t < 1 || t > 1000) {
				throw new InvalidAnswerException("--alert-threshold", t + " must be a percentage between 1 and 1000");
			}
		}
		if (!alertThresholds.stream().sorted().distinct().toList().equals(alertThresholds)) {
			throw new InvalidAnswerException("--alert-threshold",
					alertThresholds + " must be ascending without duplicates");
		}
		rollupDimensions = List.copyOf(rollupDimensions == null ? List.of() : rollupDimensions);
		for (String d : rollupDimensions) {
			if (!Meter.NAME.matcher(d).matches()) {
				throw new InvalidAnswerException("--rollup-dimension",
						"'" + d + "' must be lower case letters, digits and _");
			}
		}
		meters = List.copyOf(meters == null ? List.of() : meters);
		if (meters.isEmpty()) {
			throw new InvalidAnswerException("--meter", "at least one meter is required (e.g. --meter page=1)");
		}
		requireUnique("--meter", meters.stream().map(Meter::name).toList());
		for (Meter m : meters) {
			if (m.rate().scale() > 9) {
				throw new InvalidAnswerException("--meter",
						"rate of meter '" + m.name() + "' has more than 9 fractional digits");
			}
		}
		if (catalog == null) {
			catalog = new Catalog("usd", List.of(), List.of());
		}
		if (brand == null) {
			throw new InvalidAnswerException("--primary", "a brand colour is required");
		}
		dependencies = List.copyOf(dependencies == null ? List.of() : dependencies);
		bomImports = List.copyOf(bomImports == null ? List.of() : bomImports);
		features = List.copyOf(features == null ? List.of() : features);
		for (String feature : features) {
			if (!FEATURES.contains(feature)) {
				throw new InvalidAnswerException("--feature", "'" + feature + "' is not a feature the generator knows: "
						+ String.join(", ", new java.util.TreeSet<>(FEATURES)));
			}
		}
		requireUnique("--feature", features);
		catalog.check(tag, scale, meters);
	}

	public String currency() {
		return catalog.currency();
	}

	public List<Plan> plans() {
		return catalog.plans();
	}

	public List<Pack> packs() {
		return catalog.packs();
	}

	private static void requireUnique(String option, List<String> keys) {
		Catalog.requireUnique(option, keys);
	}

	/**
	 * Folder name part derived from a product name: {@code Acme Docs} →
	 * {@code acme-docs}.
	 */
	public static String slugOf(String name) {
		String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
			throw new InvalidAnswerException("--name",
					"'" + name + "' gives no usable folder name; pass --slug (e.g. --slug acme-docs)");
		}
		return slug;
	}

	/**
	 * {@code Acme Docs} → {@code AcmeDocsApplication}; {@code DocRouter} →
	 * {@code DocRouterApplication}.
	 */
	public static String applicationClassOf(String name) {
		StringBuilder b = new StringBuilder();
		for (String word : name.split("[^A-Za-z0-9]+")) {
			if (!word.isEmpty()) {
				b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
		}
		if (b.isEmpty() || !Character.isLetter(b.charAt(0))) {
			throw new InvalidAnswerException("--name",
					"'" + name + "' gives no usable Java class name; start it with a letter");
		}
		return b.append("Application").toString();
	}

	public String packagePath() {
		return "dev/billforge/" + javaPackage;
	}

	public TenantAnswers withBrand(BrandSettings newBrand) {
		return new TenantAnswers(generatorVersion, name, description, tag, module, javaPackage, applicationClass,
				applicationName, port, creditName, creditDisplayName, scale, freeCredits, alertThresholds,
				rollupDimensions, meters, catalog, newBrand, dependencies, bomImports, features);
	}

	public TenantAnswers withGeneratorVersion(String version) {
		return new TenantAnswers(version, name, description, tag, module, javaPackage, applicationClass,
				applicationName, port, creditName, creditDisplayName, scale, freeCredits, alertThresholds,
				rollupDimensions, meters, catalog, brand, dependencies, bomImports, features);
	}
}
