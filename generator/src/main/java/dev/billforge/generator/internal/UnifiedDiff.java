package dev.billforge.generator.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (as {@code diff -u} prints it, 3 lines of context) of two texts, from a
 * longest common subsequence.
 */
public final class UnifiedDiff {

	private static final int CONTEXT = 3;

	private UnifiedDiff() {
	}

	private record Op(char kind, String line, int oldIndex, int newIndex) {
	}

	/**
	 * Empty when equal; else headers {@code --- a/path}, {@code +++ b/path} and the
	 * hunks.
	 */
	public static String diff(String path, String oldText, String newText) {
		if (oldText.equals(newText)) {
			return "";
		}
		List<String> a = lines(oldText);
		List<String> b = lines(newText);
		List<Op> ops = ops(a, b);
		StringBuilder out = new StringBuilder();
		out.append("--- ").append(oldText.isEmpty() ? "/dev/null" : "a/" + path).append('\n');
		out.append("+++ ").append(newText.isEmpty() ? "/dev/null" : "b/" + path).append('\n');
		int i = 0;
		while (i < ops.size()) {
			if (ops.get(i).kind == ' ') {
				i++;
				continue;
			}
			int start = Math.max(0, i - CONTEXT);
			int end = i;
			// extend the hunk while the next change is within 2 * CONTEXT unchanged lines
			int j = i;
			while (j < ops.size()) {
				if (ops.get(j).kind != ' ') {
					end = j;
					j++;
					continue;
				}
				int k = j;
				while (k < ops.size() && ops.get(k).kind == ' ') {
					k++;
				}
				if (k < ops.size() && k - j <= 2 * CONTEXT) {
					j = k;
				}
				else {
					break;
				}
			}
			int stop = Math.min(ops.size(), end + 1 + CONTEXT);
			hunk(out, ops.subList(start, stop));
			i = stop;
		}
		return out.toString();
	}

	private static void hunk(StringBuilder out, List<Op> ops) {
		int oldStart = -1;
		int newStart = -1;
		int oldCount = 0;
		int newCount = 0;
		for (Op op : ops) {
			if (op.kind != '+') {
				oldCount++;
				if (oldStart < 0) {
					oldStart = op.oldIndex;
				}
			}
			if (op.kind != '-') {
				newCount++;
				if (newStart < 0) {
					newStart = op.newIndex;
				}
			}
		}
		out.append("@@ -")
			.append(range(oldStart, oldCount, ops.get(0).oldIndex))
			.append(" +")
			.append(range(newStart, newCount, ops.get(0).newIndex))
			.append(" @@\n");
		for (Op op : ops) {
			out.append(op.kind).append(op.line).append('\n');
		}
	}

	private static String range(int start, int count, int fallback) {
		int first = count == 0 ? fallback : start + 1;
		return count == 1 ? String.valueOf(first) : first + "," + count;
	}

	private static List<Op> ops(List<String> a, List<String> b) {
		int n = a.size();
		int m = b.size();
		int[][] lcs = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		List<Op> ops = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < n || j < m) {
			if (i < n && j < m && a.get(i).equals(b.get(j))) {
				ops.add(new Op(' ', a.get(i), i++, j++));
			}
			else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
				ops.add(new Op('-', a.get(i), i++, j));
			}
			else {
				ops.add(new Op('+', b.get(j), i, j++));
			}
		}
		return ops;
	}

	private static List<String> lines(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
		if (text.endsWith("\n")) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

}
