package dev.billforge.generator;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --root}: the repository the command works on. */
final class RootOption {

	@Option(names = "--root", defaultValue = ".",
			description = "Billforge repository root (default: the current directory).")
	Path root;

}
