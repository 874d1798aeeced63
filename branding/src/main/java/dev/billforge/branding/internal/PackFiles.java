package dev.billforge.branding.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Read access to the files of one brand pack, wherever they live. */
public interface PackFiles {

	/** Human-readable origin for messages, e.g. {@code directory /srv/brand}. */
	String description();

	/** The file, or empty when the pack has no such file. */
	Optional<PackFile> find(String name) throws IOException;

	/** Names of the plain files at the top of the pack (no directories). */
	List<String> fileNames() throws IOException;

	/**
	 * One file of a pack; its size is known before reading so oversized files are never
	 * loaded.
	 */
	interface PackFile {

		long size() throws IOException;

		byte[] read() throws IOException;

	}

}
