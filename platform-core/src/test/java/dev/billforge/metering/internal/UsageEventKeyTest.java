package dev.billforge.metering.internal;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageEventKeyTest {

	/** The rule as it was written before the check lost its regular expression. */
	private static final Pattern RULE = Pattern.compile("[\\x21-\\x7E]{1,255}");

	@Test
	void aKeyIsOneTo255PrintableAsciiCharactersExactlyAsTheRuleSays() {
		Random random = new Random(11);
		for (int i = 0; i < 50_000; i++) {
			int length = random.nextInt(260);
			StringBuilder key = new StringBuilder();
			for (int c = 0; c < length; c++) {
				key.append(
						random.nextInt(10) == 0 ? (char) random.nextInt(0x180) : (char) (0x21 + random.nextInt(0x5E)));
			}
			assertThat(UsageEventParser.isKey(key.toString())).as(key.toString())
				.isEqualTo(RULE.matcher(key).matches());
		}
		assertThat(UsageEventParser.isKey("")).isFalse();
		assertThat(UsageEventParser.isKey("job 42")).isFalse();
		assertThat(UsageEventParser.isKey("x".repeat(255))).isTrue();
		assertThat(UsageEventParser.isKey("x".repeat(256))).isFalse();
	}

}
