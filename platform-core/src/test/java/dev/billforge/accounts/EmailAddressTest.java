package dev.billforge.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

	@Test
	void aLongHostileAddressIsRefusedBeforeThePatternBacktracksOverIt() {
		long started = System.nanoTime();
		// the sign-up form's pattern backtracks quadratically over this: 13-19 s of one
		// request thread
		assertThat(EmailAddress.parse("x@" + ".".repeat(60_000) + "@")).isEmpty();
		assertThat(EmailAddress.parse("x@" + ".".repeat(60_000))).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
	}

	@Test
	void addressesAreNormalisedAndBoundedBy254Characters() {
		assertThat(EmailAddress.parse("  Ada@Example.TEST ")).map(EmailAddress::value).hasValue("ada@example.test");
		String longest = "a".repeat(64) + "@" + "b".repeat(184) + ".test";
		assertThat(longest).hasSize(254);
		assertThat(EmailAddress.parse(longest)).isPresent();
		assertThat(EmailAddress.parse(longest.replace("@", "@b"))).isEmpty();
		assertThat(EmailAddress.parse("no-at-sign.test")).isEmpty();
		assertThat(EmailAddress.parse(null)).isEmpty();
	}

}
