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

	record Row(String benchmark, String result, String target, Verdict verdict, double load) {
	}

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	void info(String benchmark, String result) {
		add(new Row(benchmark, result, "", Verdict.INFO, Machine.load()));
	}

	/** A row with a target: met when {@code met} is true. */
	void target(String benchmark, String result, String target, boolean met) {
		add(new Row(benchmark, result, target, met ? Verdict.MET : Verdict.MISSED, Machine.load()));
	}

	void note(String note) {
		notes.add(note);
		System.out.println("  note: " + note);
	}

	private void add(Row row) {
		rows.add(row);
		System.out.printf("  %s | %s | %s | %s | load %.1f%n", row.benchmark(), row.result(), row.target(),
				row.verdict().label, row.load());
	}

	static String f(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	String consoleTable() {
		StringBuilder out = new StringBuilder();
		int width = rows.stream().mapToInt(row -> row.benchmark().length()).max().orElse(10);
		int resultWidth = rows.stream().mapToInt(row -> row.result().length()).max().orElse(10);
		String format = "%-" + width + "s  %-" + resultWidth + "s  %-10s  %-7s  %s%n";
		out.append(f(format, "benchmark", "result", "target", "verdict", "load"));
		out.append("-".repeat(width + resultWidth + 32)).append('\n');
		rows.forEach(row -> out.append(
				f(format, row.benchmark(), row.result(), row.target(), row.verdict().label, f("%.1f", row.load()))));
		return out.toString();
	}

	String markdownTable() {
		StringBuilder out = new StringBuilder(
				"| benchmark | result | target | verdict | load (1 min) |\n|---|---|---|---|---|\n");
		rows.forEach(row -> out.append("| ")
			.append(row.benchmark())
			.append(" | ")
			.append(row.result())
			.append(" | ")
			.append(row.target())
			.append(" | ")
			.append(row.verdict().label)
			.append(" | ")
			.append(f("%.1f", row.load()))
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
