package dev.billforge.generator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.billforge.branding.BrandAnswers;
import dev.billforge.branding.BrandPackWriter;
import dev.billforge.branding.InvalidBrandPackException;

/**
 * The generated default brand pack, rendered through the branding module's
 * {@link BrandPackWriter}.
 */
public final class BrandFiles {

	public static final String DIR = "src/main/resources/brand";
	static final List<String> FILES = List.of("brand.yml", "logo.svg", "favicon.svg");

	private BrandFiles() {
	}

	/**
	 * The pack's files by path relative to the tenant folder (written and validated in a
	 * scratch folder).
	 */
	public static Map<String, String> render(TenantAnswers a) throws IOException {
		Path scratch = Files.createTempDirectory("billforge-brand-");
		try {
			Path dir = scratch.resolve("brand");
			try {
				BrandPackWriter.writeDefault(dir, answers(a));
			}
			catch (InvalidBrandPackException e) {
				throw new InvalidAnswerException("--primary", "the brand pack would be invalid: " + e.getMessage());
			}
			Map<String, String> files = new LinkedHashMap<>();
			for (String f : FILES) {
				files.put(DIR + "/" + f, Files.readString(dir.resolve(f), StandardCharsets.UTF_8));
			}
			return files;
		}
		finally {
			AtomicFiles.deleteRecursively(scratch);
		}
	}

	static BrandAnswers answers(TenantAnswers a) {
		return new BrandAnswers(a.name(), a.brand().tagline(), a.brand().primary(), a.brand().supportEmail());
	}

}
