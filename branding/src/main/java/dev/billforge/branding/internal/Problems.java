package dev.billforge.branding.internal;

import java.util.ArrayList;
import java.util.List;

import dev.billforge.branding.BrandProblem;

/** Collects every problem of a pack so they can be reported together. */
public final class Problems {

	private final List<BrandProblem> list = new ArrayList<>();

	public void add(String file, String field, String message) {
		list.add(new BrandProblem(file, field, message));
	}

	public boolean isEmpty() {
		return list.isEmpty();
	}

	public int size() {
		return list.size();
	}

	public List<BrandProblem> toList() {
		return List.copyOf(list);
	}

}
