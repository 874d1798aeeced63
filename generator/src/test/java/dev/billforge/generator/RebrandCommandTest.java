package dev.billforge.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.billforge.branding.BrandAnswers;
import dev.billforge.branding.BrandPackWriter;
import dev.billforge.generator.TestWorkspace.Run;

class RebrandCommandTest {

	@TempDir
	Path dir;

	Path root;

	Path brand;

	@BeforeEach
	void tenant() throws Exception {
		root = TestWorkspace.create(Files.createDirectory(dir.resolve("repo")));
		Run created = TestWorkspace.run("new-tenant", "--root", root.toString(), "--name", "Acme Docs", "--tag",
				"acme_docs", "--credit-name", "Credits", "--meter", "page=1", "--primary", "#0F766E", "--port", "8090");
		assertThat(created.exitCode()).as(created.err()).isZero();
		brand = root.resolve("tenant-acme-docs/src/main/resources/brand");
	}

	@Test
	void appliesAValidPackAndRegenerationThenKeepsIt() throws Exception {
		Path client = dir.resolve("client-brand");
		BrandPackWriter.writeDefault(client,
				new BrandAnswers("Client Docs", "For the client", "#B91C1C", "help@client.example"));

		Run run = TestWorkspace.run("rebrand", "--root", root.toString(), "--tenant", "acme_docs", "--brand-dir",
				client.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(brand.resolve("brand.yml")).content().contains("name: \"Client Docs\"", "#B91C1C");
		assertThat(root.resolve("tenant-acme-docs/tenant.yml")).content().contains("managed: false");
		Run dry = TestWorkspace.run("regenerate", "--root", root.toString(), "--tenant", "acme_docs", "--dry-run");
		assertThat(dry.out()).isEqualTo("Up to date: regenerating changes no file.\n");
		try (var siblings = Files.list(brand.getParent())) {
			assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("brand",
					"application.yml");
		}
	}

	@Test
	void refusesAnInvalidPackListingTheProblemsAndChangesNothing() throws Exception {
		Path client = dir.resolve("client-brand");
		BrandPackWriter.writeDefault(client, new BrandAnswers("Client Docs", "", "#B91C1C", "help@client.example"));
		Files.writeString(client.resolve("brand.yml"),
				Files.readString(client.resolve("brand.yml")).replace("primary: \"#B91C1C\"", "primary: \"#12345\""));
		String before = TestWorkspace.snapshot(root);

		Run run = TestWorkspace.run("rebrand", "--root", root.toString(), "--tenant", "acme_docs", "--brand-dir",
				client.toString());

		assertThat(run.exitCode()).isEqualTo(GeneratorCli.INVALID_INPUT);
		assertThat(run.err()).contains("Refused, nothing written: --brand-dir:", "palette.light.primary", "#12345");
		assertThat(TestWorkspace.snapshot(root)).isEqualTo(before);
	}

	@Test
	void anUnknownTenantIsNamed() {
		Run run = TestWorkspace.run("rebrand", "--root", root.toString(), "--tenant", "nope", "--brand-dir",
				dir.toString());

		assertThat(run.exitCode()).isEqualTo(GeneratorCli.INVALID_INPUT);
		assertThat(run.err()).contains("--tenant: no tenant with tag or folder 'nope'");
	}

}
