package dev.billforge.generator;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code java -jar generator.jar <command> [options]}; {@code --help} on
 * each command.
 */
@Command(name = "billforge-generator", mixinStandardHelpOptions = true,
		version = "Billforge generator " + dev.billforge.generator.internal.TenantGenerator.VERSION,
		description = "Scaffolds and maintains Billforge product tenants.", subcommands = { NewTenantCommand.class,
				RegenerateCommand.class, RebrandCommand.class, ListCommand.class, CommandLine.HelpCommand.class })
public final class GeneratorCli implements Runnable {

	/**
	 * Exit code of refused input (an option or answers file is invalid); nothing was
	 * written.
	 */
	public static final int INVALID_INPUT = 2;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/**
	 * Runs the command line with the given output streams and returns the exit code (for
	 * tests and main).
	 */
	public static int execute(PrintWriter out, PrintWriter err, String... args) {
		CommandLine cli = new CommandLine(new GeneratorCli());
		cli.setOut(out);
		cli.setErr(err);
		int code = cli.execute(args);
		out.flush();
		err.flush();
		return code;
	}

	public static void main(String[] args) {
		System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
	}

}
