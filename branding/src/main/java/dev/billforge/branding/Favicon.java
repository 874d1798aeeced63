package dev.billforge.branding;

import java.util.Arrays;
import java.util.Objects;

/**
 * The favicon bytes and their media type ({@code image/svg+xml}, {@code image/png} or
 * {@code image/x-icon}).
 */
public final class Favicon {

	private final byte[] bytes;

	private final String mediaType;

	private final String fileName;

	public Favicon(byte[] bytes, String mediaType, String fileName) {
		this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
		this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
		this.fileName = Objects.requireNonNull(fileName, "fileName");
	}

	/** A copy of the bytes (the favicon is immutable). */
	public byte[] bytes() {
		return bytes.clone();
	}

	public int size() {
		return bytes.length;
	}

	public String mediaType() {
		return mediaType;
	}

	/**
	 * File name in the pack, e.g. {@code favicon.svg}; handy for the URL the web app
	 * serves it under.
	 */
	public String fileName() {
		return fileName;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Favicon f && Arrays.equals(bytes, f.bytes) && mediaType.equals(f.mediaType)
				&& fileName.equals(f.fileName);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(bytes) + mediaType.hashCode();
	}

	@Override
	public String toString() {
		return "Favicon[" + fileName + ", " + mediaType + ", " + bytes.length + " bytes]";
	}

}
