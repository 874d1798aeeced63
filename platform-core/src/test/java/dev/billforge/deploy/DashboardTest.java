package dev.billforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard in deploy/grafana queries only series docs/deploy.md lists under
 * "Metrics", and shows every Billforge series listed there, so a renamed or new metric
 * cannot silently leave it behind.
 */
class DashboardTest {

	/** A series name right before its label matcher or range. */
	private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");

	/** A series in the docs' metrics table: {@code `name`} or {@code `name_*`}. */
	private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([a-z_]+?)(_\\*)?` \\|", Pattern.MULTILINE);

	@Test
	void theDashboardQueriesExactlyTheDocumentedSeries() throws IOException {
		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree(Files.readString(ComposeFile.ROOT.resolve("deploy/grafana/billforge.json"),
					StandardCharsets.UTF_8));
		Set<String> queried = new TreeSet<>();
		for (JsonNode panel : dashboard.path("panels")) {
			assertThat(panel.path("targets")).as("panel %s has a query", panel.path("title")).isNotEmpty();
			for (JsonNode target : panel.path("targets")) {
				Matcher series = SERIES.matcher(target.path("expr").asString());
				while (series.find()) {
					queried.add(series.group(1));
				}
			}
		}
		String docs = Files.readString(ComposeFile.ROOT.resolve("docs/deploy.md"), StandardCharsets.UTF_8);
		Set<String> exact = new TreeSet<>();
		Set<String> prefixes = new TreeSet<>();
		Matcher documented = DOCUMENTED.matcher(docs.substring(docs.indexOf("## Metrics")));
		while (documented.find()) {
			(documented.group(2) != null ? prefixes : exact).add(documented.group(1));
		}

		assertThat(queried).allSatisfy(name -> assertThat(
				exact.contains(name) || prefixes.stream().anyMatch(prefix -> name.startsWith(prefix + "_")))
			.as("%s is listed in docs/deploy.md, Metrics", name)
			.isTrue());
		assertThat(queried).as("every documented Billforge series is on the dashboard")
			.containsAll(exact.stream().filter(name -> name.startsWith("billforge_")).toList());
		assertThat(prefixes.stream().filter(prefix -> prefix.startsWith("billforge_")))
			.as("every documented Billforge histogram is on the dashboard")
			.allSatisfy(prefix -> assertThat(queried).anyMatch(name -> name.startsWith(prefix + "_")));
	}

}
