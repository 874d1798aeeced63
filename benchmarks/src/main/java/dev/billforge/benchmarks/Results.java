package dev.billforge.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows of the results table, printed to the console and written as Markdown. */
final class Results {

	enum Verdict {

		MET("met"), MISSED("MISSED"), INFO("");

		final String label;

		Verdict(String label) {
			this.label = label;
		}

	}

	record Row(String benchmark, String result, String target, Verdict verdict) {
	}

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	void info(String benchmark, String result) {
		add(new Row(benchmark, result, "", Verdict.INFO));
	}

	/** A row with a target: met when {@code met} is true. */
	void target(String benchmark, String result, String target, boolean met) {
		add(new Row(benchmark, result, target, met ? Verdict.MET : Verdict.MISSED));
	}

	void note(String note) {
		notes.add(note);
		System.out.println("  note: " + note);
	}

	private void add(Row row) {
		rows.add(row);
		System.out.printf("  %-58s %-34s %-14s %s%n", row.benchmark(), row.result(), row.target(), row.verdict().label);
	}

	static String f(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	String consoleTable() {
		StringBuilder out = new StringBuilder();
		out.append(f("%-58s %-34s %-14s %s%n", "benchmark", "result", "target", "verdict"));
		out.append("-".repeat(120)).append('\n');
		rows.forEach(row -> out.append(f("%-58s %-34s %-14s %s%n", row.benchmark(), row.result(), row.target(),
				row.verdict().label)));
		return out.toString();
	}

	String markdownTable() {
		StringBuilder out = new StringBuilder("| benchmark | result | target | verdict |\n|---|---|---|---|\n");
		rows.forEach(row -> out.append("| ")
			.append(row.benchmark())
			.append(" | ")
			.append(row.result())
			.append(" | ")
			.append(row.target())
			.append(" | ")
			.append(row.verdict().label)
			.append(" |\n"));
		return out.toString();
	}

	void writeMarkdown(Path file, String header) {
		StringBuilder out = new StringBuilder(header).append('\n').append(markdownTable());
		if (!notes.isEmpty()) {
			out.append("\nNotes:\n\n");
			notes.forEach(note -> out.append("- ").append(note).append('\n'));
		}
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
