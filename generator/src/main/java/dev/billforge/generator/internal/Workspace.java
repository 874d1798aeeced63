package dev.billforge.generator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Billforge repository the generator works on: its root pom, compose file and tenant
 * folders.
 */
public final class Workspace {

	private final Path root;

	/** A tenant folder with its answers. */
	public record Tenant(Path dir, TenantAnswers answers) {
	}

	public Workspace(Path root) {
		this.root = root.toAbsolutePath().normalize();
		Path pom = this.root.resolve("pom.xml");
		try {
			if (!Files.isRegularFile(pom)
					|| !Files.readString(pom).contains("<artifactId>billforge-parent</artifactId>")) {
				throw new InvalidAnswerException("--root",
						this.root + " is not the root of a Billforge repository (no billforge-parent pom.xml)");
			}
		}
		catch (IOException e) {
			throw new InvalidAnswerException("--root", "cannot read " + pom + ": " + e.getMessage());
		}
	}

	public Path root() {
		return root;
	}

	public Path rootPom() {
		return root.resolve("pom.xml");
	}

	public Path composeFile() {
		return root.resolve(ComposeRenderer.FILE_NAME);
	}

	/** Every folder directly under the root that has a tenant.yml, by module name. */
	public List<Tenant> tenants() throws IOException {
		List<Tenant> tenants = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(root)) {
			for (Path dir : dirs.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList()) {
				Path answers = dir.resolve(AnswersFile.FILE_NAME);
				if (Files.isRegularFile(answers) && !dir.getFileName().toString().startsWith(".")) {
					String rel = root.relativize(answers).toString();
					tenants
						.add(new Tenant(dir, AnswersFile.read(Files.readString(answers, StandardCharsets.UTF_8), rel)));
				}
			}
		}
		return tenants;
	}

	/** A tenant by tag or module (folder) name. */
	public Tenant tenant(String tagOrModule) throws IOException {
		Optional<Tenant> found = tenants().stream()
			.filter(t -> t.answers().tag().equals(tagOrModule) || t.answers().module().equals(tagOrModule)
					|| t.dir().getFileName().toString().equals(tagOrModule))
			.findFirst();
		return found.orElseThrow(() -> new InvalidAnswerException("--tenant",
				"no tenant with tag or folder '" + tagOrModule + "' (see `list`)"));
	}

}
