package dev.billforge.branding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.billforge.branding.internal.DirectoryPackFiles;
import dev.billforge.branding.internal.PackReader;

/**
 * Loads a brand pack directory outside Spring (e.g. for the Keycloak theme or the
 * generator's rebrand).
 */
public final class BrandPackLoader {

	private BrandPackLoader() {
	}

	/**
	 * The brand in {@code dir}.
	 * @throws InvalidBrandPackException listing every problem when the pack is not valid
	 */
	public static Brand load(Path dir) {
		String source = "directory " + dir.toAbsolutePath().normalize();
		if (!Files.isDirectory(dir)) {
			throw new InvalidBrandPackException(source,
					List.of(new BrandProblem(dir.toString(), "", "is not a directory")));
		}
		PackReader.Result result = PackReader.read(new DirectoryPackFiles(dir));
		return result.brand().orElseThrow(() -> new InvalidBrandPackException(source, result.problems()));
	}

}
