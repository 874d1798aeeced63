package dev.billforge.generator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

	@Test
	void equalTextsHaveNoDiff() {
		assertThat(UnifiedDiff.diff("a.txt", "x\ny\n", "x\ny\n")).isEmpty();
	}

	@Test
	void aChangedLineShowsAsRemovedThenAddedWithContext() {
		String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
		String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

		assertThat(UnifiedDiff.diff("n.txt", before, after)).isEqualTo("""
				--- a/n.txt
				+++ b/n.txt
				@@ -2,7 +2,7 @@
				 2
				 3
				 4
				-5
				+five
				 6
				 7
				 8
				""");
	}

	@Test
	void distantChangesGetSeparateHunks() {
		StringBuilder before = new StringBuilder();
		for (int i = 1; i <= 20; i++) {
			before.append(i).append('\n');
		}
		String after = before.toString().replace("1\n2\n3\n", "1\ntwo\n3\n").replace("\n19\n", "\nnineteen\n");

		String diff = UnifiedDiff.diff("n.txt", before.toString(), after);

		assertThat(diff).contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n",
				"@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
	}

	@Test
	void aNewFileIsDiffedAgainstDevNull() {
		assertThat(UnifiedDiff.diff("new.txt", "", "a\nb\n"))
			.isEqualTo("--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,2 @@\n+a\n+b\n");
	}

}
