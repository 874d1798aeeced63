package dev.billforge.generator;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.billforge.generator.internal.FileChange;
import dev.billforge.generator.internal.InvalidAnswerException;
import dev.billforge.generator.internal.TenantGenerator;
import dev.billforge.generator.internal.Workspace;
import dev.billforge.generator.internal.Workspace.Tenant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code regenerate}: re-renders a tenant's generated files from its tenant.yml;
 * {@code --dry-run} shows the diff.
 */
@Command(name = "regenerate", mixinStandardHelpOptions = true, description = {
		"Re-renders a tenant's generated files from its tenant.yml.",
		"Uses this generator version for the generated files",
		"(pom.xml, application class, application.yml, catalog.yml, the brand pack while brand.managed is true,",
		"tenant.yml, docker-compose.yml, the root pom's module entry). Product code and product.yml are never touched." })
final class RegenerateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RootOption root;

	static final class Which {

		@Option(names = "--tenant", required = true,
				description = "Tenant tag or folder, e.g. doc_router or tenant-docrouter.")
		String tenant;

		@Option(names = "--all", required = true, description = "Every tenant with a tenant.yml.")
		boolean all;

	}

	@ArgGroup(exclusive = true, multiplicity = "1")
	Which which;

	@Option(names = "--dry-run", description = "Print a unified diff of what would change; write nothing.")
	boolean dryRun;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		List<Tenant> tenants;
		Workspace workspace;
		try {
			workspace = new Workspace(root.root);
			tenants = which.all ? workspace.tenants() : List.of(workspace.tenant(which.tenant));
		}
		catch (InvalidAnswerException e) {
			spec.commandLine().getErr().println("Refused, nothing written: " + e.getMessage());
			return GeneratorCli.INVALID_INPUT;
		}
		TenantGenerator generator = new TenantGenerator(workspace);
		List<FileChange> all = new ArrayList<>();
		for (Tenant t : tenants) {
			List<FileChange> changes = generator.regenerationChanges(t);
			// shared files (compose, root pom) are re-planned per tenant; keep the latest
			// plan of each path
			for (FileChange c : changes) {
				all.removeIf(existing -> existing.path().equals(c.path()));
			}
			all.addAll(changes);
			if (!dryRun) {
				generator.apply(changes);
			}
		}
		for (FileChange c : all) {
			out.print(c.diff());
		}
		if (all.isEmpty()) {
			out.println("Up to date: regenerating changes no file.");
		}
		else {
			out.printf("%s %d file(s).%n", dryRun ? "Would change" : "Changed", all.size());
		}
		return 0;
	}

}
