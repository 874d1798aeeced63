package dev.billforge.generator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scratch copy of the repository's root pom, compose file and the demo tenants'
 * answers, plus a CLI runner.
 */
final class TestWorkspace {

	static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	record Run(int exitCode, String out, String err) {
	}

	static Path create(Path dir) throws IOException {
		Files.copy(REPOSITORY.resolve("pom.xml"), dir.resolve("pom.xml"));
		Files.copy(REPOSITORY.resolve("docker-compose.yml"), dir.resolve("docker-compose.yml"));
		for (String t : List.of("tenant-docrouter", "tenant-sigagent", "tenant-lab-portal")) {
			Files.createDirectories(dir.resolve(t));
			Files.copy(REPOSITORY.resolve(t).resolve("tenant.yml"), dir.resolve(t).resolve("tenant.yml"));
		}
		return dir;
	}

	static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = GeneratorCli.execute(new PrintWriter(out), new PrintWriter(err), args);
		return new Run(code, out.toString(), err.toString());
	}

	/**
	 * Every path under dir with its size and content hash, to prove nothing was written.
	 */
	static String snapshot(Path dir) throws IOException {
		StringBuilder s = new StringBuilder();
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted(Comparator.comparing(Path::toString)).toList()) {
				s.append(dir.relativize(p));
				if (Files.isRegularFile(p)) {
					s.append(' ').append(Files.readString(p).hashCode());
				}
				s.append('\n');
			}
		}
		return s.toString();
	}

	private TestWorkspace() {
	}

}
