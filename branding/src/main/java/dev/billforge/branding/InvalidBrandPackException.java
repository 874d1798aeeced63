package dev.billforge.branding;

import java.util.List;
import java.util.stream.Collectors;

/** A brand pack with one or more problems; all of them are listed, not just the first. */
public class InvalidBrandPackException extends RuntimeException {

	private final String source;

	private final List<BrandProblem> problems;

	public InvalidBrandPackException(String source, List<BrandProblem> problems) {
		super(describe(source, problems));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("an invalid brand pack has at least one problem");
		}
		this.source = source;
		this.problems = List.copyOf(problems);
	}

	private static String describe(String source, List<BrandProblem> problems) {
		return "Brand pack " + source + " has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
				+ ":\n" + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
	}

	/**
	 * Where the pack was read from, e.g. {@code directory /srv/brand} or
	 * {@code classpath:brand/}.
	 */
	public String source() {
		return source;
	}

	public List<BrandProblem> problems() {
		return problems;
	}

}
