package dev.billforge.generator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes that are all-or-nothing: a temporary sibling, then a rename over the target. */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	public static void write(Path target, String content) throws IOException {
		Path parent = target.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
		try {
			Files.writeString(temp, content, StandardCharsets.UTF_8);
			move(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	public static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	public static void deleteRecursively(Path path) throws IOException {
		if (path == null || !Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	public static String readOrEmpty(Path file) throws IOException {
		return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
	}

}
