package dev.billforge.generator;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.billforge.generator.internal.InvalidAnswerException;
import dev.billforge.generator.internal.Rebrander;
import dev.billforge.generator.internal.Workspace;
import dev.billforge.generator.internal.Workspace.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rebrand}: validates a brand pack folder and makes it the tenant's pack. */
@Command(name = "rebrand", mixinStandardHelpOptions = true, description = { "Applies a brand pack folder to a tenant.",
		"Validates the pack (brand.yml, logo.svg, favicon, messages*.properties; docs/branding.md)",
		"and replaces the tenant's src/main/resources/brand with it. An invalid pack is refused with every problem",
		"listed and nothing changed. tenant.yml then records brand.managed: false, so regenerate keeps the pack.",
		"To rebrand a deployed tenant without a rebuild, mount the folder and set BRAND_DIR instead." })
final class RebrandCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RootOption root;

	@Option(names = "--tenant", required = true, description = "Tenant tag or folder.")
	String tenant;

	@Option(names = "--brand-dir", required = true, description = "The brand pack folder to apply.")
	Path brandDir;

	@Override
	public Integer call() throws Exception {
		Tenant t;
		try {
			t = new Workspace(root.root).tenant(tenant);
			Rebrander.rebrand(t, brandDir);
		}
		catch (InvalidAnswerException e) {
			spec.commandLine().getErr().println("Refused, nothing written: " + e.getMessage());
			return GeneratorCli.INVALID_INPUT;
		}
		catch (Rebrander.InvalidPackException e) {
			spec.commandLine().getErr().println("Refused, nothing written: --brand-dir: " + e.getMessage());
			return GeneratorCli.INVALID_INPUT;
		}
		spec.commandLine()
			.getOut()
			.printf("Rebranded %s with %s; rebuild the tenant (or mount the pack as BRAND_DIR).%n",
					t.answers().module(), brandDir);
		return 0;
	}

}
