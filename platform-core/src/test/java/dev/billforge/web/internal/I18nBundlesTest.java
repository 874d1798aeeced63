package dev.billforge.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.billforge.ledger.Alert;
import dev.billforge.ledger.CapMode;
import dev.billforge.ledger.GrantSource;
import dev.billforge.notifications.Delivery;
import dev.billforge.orgs.Role;

/**
 * All text comes from the message bundles: a template with hard-coded words, a key
 * missing in a bundle, or bundles that disagree fail the build.
 */
class I18nBundlesTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path BUNDLES = Path.of("src/main/resources/i18n");

	static final List<String> LANGUAGES = List.of("", "_de");

	private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

	private static final Pattern DYNAMIC_PREFIX = Pattern.compile("msg(?:OrNull)?\\('([A-Za-z0-9_.-]+)'\\s*\\+");

	private static final Pattern WHOLE_DYNAMIC_KEY = Pattern.compile("msg(?:OrNull)?\\('([A-Za-z0-9_.-]+)'\\s*[,)]");

	private static final Pattern TEXT_ATTRIBUTE = Pattern
		.compile("\\s(placeholder|title|alt|aria-label|aria-description|label)\\s*=\\s*\"([^\"]*)\"");

	static Map<String, String> templates() throws IOException {
		Map<String, String> all = new TreeMap<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				all.put(TEMPLATES.relativize(file).toString(), Files.readString(file));
			}
		}
		return all;
	}

	static Properties bundle(String suffix) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(BUNDLES.resolve("messages" + suffix + ".properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	/** Words a visitor would read that do not come from a bundle. */
	static List<String> hardCodedText(String html) {
		List<String> found = new ArrayList<>();
		String cleaned = html.replaceAll("(?s)<!--.*?-->", "")
			.replaceAll("(?s)<script.*?</script>", "")
			.replaceAll("(?s)<style.*?</style>", "")
			.replaceAll("&[#A-Za-z0-9]+;", " ");
		// A tag, with quoted attribute values that may contain '>' (th:if="${a >= 100}").
		Matcher tag = Pattern.compile("<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>").matcher(cleaned);
		int last = 0;
		while (tag.find()) {
			checkText(cleaned.substring(last, tag.start()), found);
			Matcher attribute = TEXT_ATTRIBUTE.matcher(tag.group());
			while (attribute.find()) {
				if (attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
					found.add(attribute.group(1) + "=\"" + attribute.group(2) + "\"");
				}
			}
			last = tag.end();
		}
		checkText(cleaned.substring(last), found);
		return found;
	}

	private static void checkText(String text, List<String> found) {
		String content = text.strip();
		if (content.codePoints().anyMatch(Character::isLetter)) {
			found.add("text \"" + content + "\"");
		}
	}

	@Test
	void theCheckerCatchesHardCodedWordsAndAttributes() {
		assertThat(hardCodedText("<p>Hello</p>")).containsExactly("text \"Hello\"");
		assertThat(hardCodedText("<input placeholder=\"Your name\">")).hasSize(1);
		assertThat(hardCodedText("<p th:text=\"#{x}\"></p><span aria-hidden=\"true\">&#128276;</span> · <b>42 %</b>"))
			.isEmpty();
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		Map<String, List<String>> problems = new TreeMap<>();
		templates().forEach((name, html) -> {
			List<String> found = hardCodedText(html);
			if (!found.isEmpty()) {
				problems.put(name, found);
			}
		});
		assertThat(problems).as("hard-coded text in templates (use th:text=\"#{key}\")").isEmpty();
	}

	@Test
	void everyBundleHasTheSameKeysAndNoEmptyOrMalformedMessage() throws IOException {
		Properties base = bundle("");
		for (String language : LANGUAGES) {
			Properties other = bundle(language);
			assertThat(other.stringPropertyNames()).as("keys of messages%s.properties", language)
				.containsExactlyInAnyOrderElementsOf(base.stringPropertyNames());
			for (String key : other.stringPropertyNames()) {
				String value = other.getProperty(key);
				assertThat(value).as("messages%s %s", language, key).isNotBlank();
				new MessageFormat(value); // throws on an unbalanced brace or quote
			}
		}
	}

	@Test
	void everyKeyTheTemplatesAndCodeUseExistsInEveryBundle() throws IOException {
		List<String> used = new ArrayList<>();
		List<String> prefixes = new ArrayList<>();
		for (String html : templates().values()) {
			STATIC_KEY.matcher(html).results().forEach(m -> used.add(m.group(1)));
			WHOLE_DYNAMIC_KEY.matcher(html).results().forEach(m -> used.add(m.group(1)));
			DYNAMIC_PREFIX.matcher(html).results().forEach(m -> prefixes.add(m.group(1)));
		}
		used.add("dashboard.chart.title");
		for (Role role : Role.values()) {
			used.add("role." + role.code());
		}
		for (GrantSource source : GrantSource.values()) {
			used.add("source." + source.code());
		}
		for (CapMode mode : CapMode.values()) {
			used.add("cap." + mode.code());
		}
		for (Delivery.Channel channel : Delivery.Channel.values()) {
			used.add("channel." + channel.name());
		}
		for (Delivery.Status status : Delivery.Status.values()) {
			used.add("delivery." + status.name());
		}
		for (Alert.AlertType type : Alert.AlertType.values()) {
			used.add("alert." + type.code());
		}
		DashboardController.RANGES.forEach(range -> used.add("dashboard.range." + range));
		List.of("throttled", "bad_credentials").forEach(code -> used.add("login.error." + code));
		assertThat(used).isNotEmpty();
		for (String language : LANGUAGES) {
			Properties bundle = bundle(language);
			assertThat(used).as("keys missing in messages%s.properties", language)
				.allMatch(bundle::containsKey, "is defined");
			for (String prefix : prefixes) {
				assertThat(bundle.stringPropertyNames()).as("messages%s has keys starting with %s", language, prefix)
					.anyMatch(key -> key.startsWith(prefix));
			}
		}
	}

}
