package dev.billforge.generator.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.billforge.branding.BrandPackValidator;
import dev.billforge.branding.BrandProblem;
import dev.billforge.generator.internal.Workspace.Tenant;

/**
 * Replaces a tenant's brand pack with a client's pack folder. The pack is validated first
 * (the same rules as at startup); the new pack is staged next to the old one and swapped
 * in by renames; then tenant.yml records {@code brand.managed: false} so regeneration
 * keeps the client's pack.
 */
public final class Rebrander {

	private Rebrander() {
	}

	/** Thrown when the pack is invalid; nothing was written. */
	public static final class InvalidPackException extends RuntimeException {

		private final List<BrandProblem> problems;

		InvalidPackException(Path dir, List<BrandProblem> problems) {
			super("brand pack " + dir + " has " + problems.size() + " problem(s):\n"
					+ problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
			this.problems = List.copyOf(problems);
		}

		public List<BrandProblem> problems() {
			return problems;
		}

	}

	public static void rebrand(Tenant tenant, Path packDir) throws IOException {
		Path source = packDir.toAbsolutePath().normalize();
		List<BrandProblem> problems = BrandPackValidator.validate(source);
		if (!problems.isEmpty()) {
			throw new InvalidPackException(source, problems);
		}
		Path brand = tenant.dir().resolve(BrandFiles.DIR);
		Path parent = brand.getParent();
		Files.createDirectories(parent);
		Path staged = Files.createTempDirectory(parent, ".brand.new-");
		Path old = parent.resolve(".brand.old-" + staged.getFileName().toString().substring(".brand.new-".length()));
		try {
			try (Stream<Path> files = Files.list(source)) {
				for (Path f : files.filter(Files::isRegularFile).toList()) {
					Files.copy(f, staged.resolve(f.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
			List<BrandProblem> copied = BrandPackValidator.validate(staged);
			if (!copied.isEmpty()) {
				throw new InvalidPackException(staged, copied);
			}
			if (Files.exists(brand)) {
				Files.move(brand, old);
			}
			try {
				Files.move(staged, brand);
			}
			catch (IOException e) {
				if (Files.exists(old)) {
					Files.move(old, brand); // put the previous pack back
				}
				throw e;
			}
		}
		finally {
			AtomicFiles.deleteRecursively(staged);
			AtomicFiles.deleteRecursively(old);
		}
		TenantAnswers a = tenant.answers();
		if (a.brand().managed()) {
			AtomicFiles.write(tenant.dir().resolve(AnswersFile.FILE_NAME),
					AnswersFile.write(a.withBrand(a.brand().unmanaged())));
		}
	}

}
