package dev.billforge.generator.internal;

/**
 * One generated file whose content on disk ({@code before}, empty if missing) differs
 * from what the generator renders.
 */
public record FileChange(String path, String before, String after) {

	public String diff() {
		return UnifiedDiff.diff(path, before, after);
	}
}
