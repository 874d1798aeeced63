package dev.billforge.branding.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A brand pack in a file-system directory (a mounted folder or one the generator wrote).
 */
public final class DirectoryPackFiles implements PackFiles {

	private final Path dir;

	public DirectoryPackFiles(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
	}

	@Override
	public String description() {
		return "directory " + dir;
	}

	@Override
	public Optional<PackFile> find(String name) {
		Path file = dir.resolve(name);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		return Optional.of(new PackFile() {
			@Override
			public long size() throws IOException {
				return Files.size(file);
			}

			@Override
			public byte[] read() throws IOException {
				return Files.readAllBytes(file);
			}
		});
	}

	@Override
	public List<String> fileNames() throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

}
