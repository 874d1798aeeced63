package dev.billforge.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.billforge.generator.internal.FileChange;
import dev.billforge.generator.internal.TenantGenerator;
import dev.billforge.generator.internal.Workspace;
import dev.billforge.generator.internal.Workspace.Tenant;

/**
 * The demo tenants' generated files are exactly what the generator renders from their
 * tenant.yml, features included (SigAgent's and the Lab portal's {@code telemetry}), and
 * so are their Stripe catalogs (catalog.yml from tenant.yml's {@code catalog}: none is
 * kept by hand).
 */
class DemoTenantsDriftTest {

	@Test
	void regeneratingTheDemoTenantsChangesNoFile() throws Exception {
		Workspace repository = new Workspace(TestWorkspace.REPOSITORY);
		List<Tenant> tenants = repository.tenants();
		assertThat(tenants).extracting(t -> t.answers().module())
			.contains("tenant-docrouter", "tenant-sigagent", "tenant-lab-portal");
		// telemetry is switched on by the generator's feature for SigAgent and the Lab
		// portal, not DocRouter
		assertThat(tenants).filteredOn(t -> t.answers().features().contains("telemetry"))
			.extracting(t -> t.answers().module())
			.containsExactlyInAnyOrder("tenant-sigagent", "tenant-lab-portal");

		for (Tenant t : tenants) {
			assertThat(TenantGenerator.renderAll(t.answers()))
				.as("%s's catalog.yml comes from its tenant.yml", t.answers().module())
				.containsKey("src/main/resources/catalog.yml");
			List<FileChange> changes = new TenantGenerator(repository).regenerationChanges(t);
			assertThat(changes)
				.as("drift in %s; run `regenerate --tenant %s --dry-run` to see it:%n%s", t.answers().module(),
						t.answers().tag(), changes.stream().map(FileChange::diff).reduce("", String::concat))
				.isEmpty();
		}
	}

}
