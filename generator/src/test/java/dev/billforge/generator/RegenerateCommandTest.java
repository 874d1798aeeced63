package dev.billforge.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.billforge.generator.TestWorkspace.Run;

class RegenerateCommandTest {

	@TempDir
	Path dir;

	Path root;

	Path answers;

	@BeforeEach
	void tenant() throws Exception {
		root = TestWorkspace.create(dir);
		Run created = TestWorkspace.run("new-tenant", "--root", root.toString(), "--name", "Acme Docs", "--tag",
				"acme_docs", "--credit-name", "Credits", "--meter", "page=1", "--primary", "#0F766E", "--port", "8090");
		assertThat(created.exitCode()).as(created.err()).isZero();
		answers = root.resolve("tenant-acme-docs/tenant.yml");
	}

	@Test
	void dryRunShowsAUnifiedDiffOfAChangedAnswerAndWritesNothing() throws Exception {
		Files.writeString(answers, Files.readString(answers).replace("free-credits: \"0\"", "free-credits: \"250\""));
		String before = TestWorkspace.snapshot(root);

		Run dry = TestWorkspace.run("regenerate", "--root", root.toString(), "--tenant", "acme_docs", "--dry-run");

		assertThat(dry.exitCode()).isZero();
		assertThat(dry.out()).contains(
				"--- a/tenant-acme-docs/src/main/resources/application.yml\n"
						+ "+++ b/tenant-acme-docs/src/main/resources/application.yml\n",
				"-    free-tier: 0\n+    free-tier: 250\n", "Would change 1 file(s).");
		assertThat(TestWorkspace.snapshot(root)).isEqualTo(before);
	}

	@Test
	void regenerateAppliesTheChangeAndAddsAMissingModuleAndDependencies() throws Exception {
		Path pom = root.resolve("pom.xml");
		Files.writeString(pom, Files.readString(pom).replace("    <module>tenant-acme-docs</module>\n", ""));
		Files.writeString(answers,
				Files.readString(answers)
					.replace("dependencies: []",
							"dependencies:\n  - group-id: \"org.apache.pdfbox\"\n    artifact-id: \"pdfbox\""));

		Run run = TestWorkspace.run("regenerate", "--root", root.toString(), "--tenant", "tenant-acme-docs");

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("+    <module>tenant-acme-docs</module>", "Changed 2 file(s).");
		assertThat(pom).content().contains("<module>tenant-acme-docs</module>");
		assertThat(root.resolve("tenant-acme-docs/pom.xml")).content().contains("<artifactId>pdfbox</artifactId>");
		assertThat(
				TestWorkspace.run("regenerate", "--root", root.toString(), "--tenant", "acme_docs", "--dry-run").out())
			.isEqualTo("Up to date: regenerating changes no file.\n");
	}

	@Test
	void aBrokenAnswersFileIsRefusedNamingTheFileAndKey() throws Exception {
		Files.writeString(answers, Files.readString(answers).replace("port: 8090", "port: 80"));
		String before = TestWorkspace.snapshot(root);

		Run run = TestWorkspace.run("regenerate", "--root", root.toString(), "--tenant", "acme_docs");

		assertThat(run.exitCode()).isEqualTo(GeneratorCli.INVALID_INPUT);
		assertThat(run.err()).contains("tenant-acme-docs/tenant.yml: --port: 80 is not a port");
		assertThat(TestWorkspace.snapshot(root)).isEqualTo(before);
	}

}
