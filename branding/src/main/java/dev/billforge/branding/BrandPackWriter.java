package dev.billforge.branding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.billforge.branding.internal.BrandYamlParser;
import dev.billforge.branding.internal.LogoGenerator;
import dev.billforge.branding.internal.PaletteDeriver;

/**
 * Writes a complete default brand pack from a few answers: brand.yml with a derived
 * accessible light/dark palette, a generated initials logo (also used as favicon.svg).
 * Used by the generator.
 */
public final class BrandPackWriter {

	private BrandPackWriter() {
	}

	/**
	 * Writes the pack into {@code dir} (which must not exist or be empty) and returns it
	 * loaded. The pack is written to a temporary sibling directory, validated, then moved
	 * into place, so an interrupted or refused run leaves nothing half-written.
	 * @throws InvalidBrandPackException when the answers give an invalid pack (e.g. a bad
	 * colour or address); nothing is written then
	 * @throws FileAlreadyExistsException when {@code dir} exists and is not empty
	 */
	public static Brand writeDefault(Path dir, BrandAnswers answers) throws IOException {
		Path target = dir.toAbsolutePath().normalize();
		Optional<Colour> primary = Colour.tryParse(answers.primaryColour());
		if (primary.isEmpty()) {
			throw new InvalidBrandPackException("answers",
					List.of(new BrandProblem("brand.yml", "palette.light.primary",
							"\"" + answers.primaryColour() + "\" is not a colour (#RRGGBB or #RGB expected)")));
		}
		if (Files.exists(target) && !isEmptyDirectory(target)) {
			throw new FileAlreadyExistsException(target.toString(), null, "brand pack directory is not empty");
		}
		Path parent = target.getParent();
		Files.createDirectories(parent);
		Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
		try {
			Palette palette = PaletteDeriver.derive(primary.get());
			ColourScheme light = palette.light();
			String logo = LogoGenerator.svg(answers.productName(), light.primary(), light.onPrimary());
			Files.writeString(temp.resolve("brand.yml"), brandYml(answers, palette), StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("logo.svg"), logo, StandardCharsets.UTF_8);
			Files.writeString(temp.resolve("favicon.svg"), logo, StandardCharsets.UTF_8);
			BrandPackLoader.load(temp); // throws, listing every problem, before anything
										// is in place
			if (Files.exists(target)) {
				Files.delete(target);
			}
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target);
			}
			return BrandPackLoader.load(target);
		}
		finally {
			deleteRecursively(temp);
		}
	}

	static String brandYml(BrandAnswers answers, Palette palette) {
		StringBuilder y = new StringBuilder(2048);
		y.append("# Brand pack written by the Billforge generator; see docs/branding.md for every field.\n");
		y.append("name: ").append(quote(answers.productName())).append('\n');
		y.append("tagline: ").append(quote(answers.tagline())).append('\n');
		y.append("palette:\n");
		scheme(y, "light", palette.light());
		scheme(y, "dark", palette.dark());
		y.append("fonts:\n");
		y.append("  body: ")
			.append(quote("system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif"))
			.append('\n');
		y.append("  heading: ")
			.append(quote("system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif"))
			.append('\n');
		y.append("  mono: ").append(quote(BrandYamlParser.DEFAULT_MONO_STACK)).append('\n');
		y.append("support-email: ").append(quote(answers.supportEmail())).append('\n');
		y.append("email-sender-name: ").append(quote(answers.productName())).append('\n');
		y.append("legal:\n");
		y.append("  terms: ").append(quote(answers.termsUrl().toString())).append('\n');
		y.append("  privacy: ").append(quote(answers.privacyUrl().toString())).append('\n');
		return y.toString();
	}

	private static void scheme(StringBuilder y, String mode, ColourScheme s) {
		y.append("  ").append(mode).append(":\n");
		PaletteDeriver.asMap(s)
			.forEach((key, colour) -> y.append("    ").append(key).append(": \"").append(colour.hex()).append("\"\n"));
	}

	/**
	 * A YAML double-quoted scalar; control characters are escaped so validation can
	 * report them.
	 */
	private static String quote(String text) {
		StringBuilder q = new StringBuilder(text.length() + 2).append('"');
		text.codePoints().forEach(cp -> {
			if (cp == '"' || cp == '\\') {
				q.append('\\').appendCodePoint(cp);
			}
			else if (Character.isISOControl(cp)) {
				q.append(String.format("\\u%04X", cp));
			}
			else {
				q.appendCodePoint(cp);
			}
		});
		return q.append('"').toString();
	}

	private static boolean isEmptyDirectory(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
