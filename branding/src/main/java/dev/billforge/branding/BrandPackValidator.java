package dev.billforge.branding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.billforge.branding.internal.DirectoryPackFiles;
import dev.billforge.branding.internal.PackReader;

/**
 * Checks a brand pack directory without a Spring context (the generator calls this before
 * it writes a tenant). Applies exactly the rules the app applies at startup.
 */
public final class BrandPackValidator {

	private BrandPackValidator() {
	}

	/** Every problem of the pack in {@code dir}; empty when the pack is valid. */
	public static List<BrandProblem> validate(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of(new BrandProblem(dir.toString(), "", "is not a directory"));
		}
		return PackReader.read(new DirectoryPackFiles(dir)).problems();
	}

}
