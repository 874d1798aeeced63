package dev.billforge.generator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a tenant's product configuration
 * ({@code src/main/resources/product.yml}, which the generator never writes) reads
 * through placeholders like {@code ${DOCROUTER_LLM_MODEL:gpt-4o-mini}}, so the compose
 * file passes each one to the tenant's container.
 */
public final class ProductEnvironment {

	static final String PRODUCT_FILE = "src/main/resources/product.yml";

	/**
	 * Upper-case names only: lower-case placeholders name Spring properties, not
	 * variables.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

	private ProductEnvironment() {
	}

	/**
	 * Variable name to its default (null when the placeholder has none), in order of
	 * first use.
	 */
	public static Map<String, String> read(Path tenantDir) {
		Path file = tenantDir.resolve(PRODUCT_FILE);
		if (!Files.isRegularFile(file)) {
			return Map.of();
		}
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + file, e);
		}
	}

	static Map<String, String> parse(String yaml) {
		Map<String, String> variables = new LinkedHashMap<>();
		Matcher m = PLACEHOLDER.matcher(yaml);
		while (m.find()) {
			variables.putIfAbsent(m.group(1), m.group(2));
		}
		return variables;
	}

}
