package dev.billforge.branding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies a classpath pack (the example tenant pack or the built-in default) into a folder
 * to mutate.
 */
public final class PackFixture {

	private final Path dir;

	private PackFixture(Path dir) {
		this.dir = dir;
	}

	/**
	 * The example "Acme Docs" pack from src/test/resources/brand, copied into
	 * {@code dir}.
	 */
	public static PackFixture example(Path dir) {
		return copy("brand", dir);
	}

	public static Path classpathDir(String name) {
		try {
			return Path.of(PackFixture.class.getResource("/" + name + "/brand.yml").toURI()).getParent();
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	public static PackFixture copy(String classpathDir, Path dir) {
		try (Stream<Path> files = Files.list(classpathDir(classpathDir))) {
			Files.createDirectories(dir);
			for (Path file : files.toList()) {
				Files.copy(file, dir.resolve(file.getFileName()));
			}
			return new PackFixture(dir);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Path dir() {
		return dir;
	}

	public String read(String file) {
		try {
			return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Replaces text in a file of the pack; fails when {@code from} is not there, so a
	 * test cannot silently test nothing.
	 */
	public PackFixture replace(String file, String from, String to) {
		String text = read(file);
		if (!text.contains(from)) {
			throw new IllegalArgumentException(file + " does not contain " + from);
		}
		return write(file, text.replace(from, to));
	}

	public PackFixture write(String file, String content) {
		return write(file, content.getBytes(StandardCharsets.UTF_8));
	}

	public PackFixture write(String file, byte[] content) {
		try {
			Files.write(dir.resolve(file), content);
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public PackFixture delete(String file) {
		try {
			Files.delete(dir.resolve(file));
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
