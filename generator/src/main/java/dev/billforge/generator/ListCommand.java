package dev.billforge.generator;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.billforge.generator.internal.InvalidAnswerException;
import dev.billforge.generator.internal.Workspace;
import dev.billforge.generator.internal.Workspace.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code list}: the tenants of the repository from their tenant.yml files. */
@Command(name = "list", mixinStandardHelpOptions = true,
		description = "Lists tenants: folder, tag, port, name, credit unit, brand.")
final class ListCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	RootOption root;

	@Override
	public Integer call() throws Exception {
		List<Tenant> tenants;
		try {
			tenants = new Workspace(root.root).tenants();
		}
		catch (InvalidAnswerException e) {
			spec.commandLine().getErr().println(e.getMessage());
			return GeneratorCli.INVALID_INPUT;
		}
		PrintWriter out = spec.commandLine().getOut();
		String format = "%-22s %-14s %-6s %-16s %-8s %s%n";
		out.printf(format, "FOLDER", "TAG", "PORT", "NAME", "CREDIT", "BRAND");
		for (Tenant t : tenants) {
			var a = t.answers();
			out.printf(format, a.module(), a.tag(), a.port(), a.name(), a.creditName(),
					a.brand().managed() ? "generated " + a.brand().primary() : "custom");
		}
		return 0;
	}

}
