package dev.billforge.labportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Lab portal's own page texts: every key its templates use is in the English and the
 * German bundle, and both agree.
 */
class LabPortalBundlesTest {

	private static final Pattern KEY = Pattern.compile("#\\{'?(labportal\\.[A-Za-z0-9_.]+)");

	@Test
	void everyKeyTheTemplatesUseIsInBothBundlesAndTheBundlesAgree() throws IOException {
		Properties english = bundle("product.properties");
		Properties german = bundle("product_de.properties");
		assertThat(new TreeSet<>(german.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher key = KEY.matcher(Files.readString(file));
				while (key.find()) {
					used.add(key.group(1).replaceAll("\\.$", ""));
				}
			}
		}
		assertThat(used).isNotEmpty();
		for (String key : used) {
			boolean prefix = english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key + "."));
			assertThat(english.containsKey(key) || prefix).as(key).isTrue();
		}
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n", name),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
