package dev.billforge.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

import dev.billforge.notifications.internal.MissingProductionSettingException;
import dev.billforge.notifications.internal.MissingProductionSettingFailureAnalyzer;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;

/**
 * With a real database the app refuses to start without a public base URL (links in
 * mails) or a mail server (the outbox is for the embedded default only), and names the
 * variable to set.
 */
class ProductionMailSettingsIT {

	@Test
	void aRealDatabaseWithoutAPublicBaseUrlRefusesToStartNamingTheVariable() {
		try (TestStorage storage = TestStorage.shared()) {
			assertThatThrownBy(
					() -> storage.run(TestApplication.class, "--billforge.public-base-url=", "--PUBLIC_BASE_URL="))
				.satisfies(ex -> {
					FailureAnalysis analysis = analysis(ex);
					assertThat(analysis.getDescription()).contains("public base URL");
					assertThat(analysis.getAction()).contains("PUBLIC_BASE_URL");
				});
		}
	}

	@Test
	void aRealDatabaseWithoutAMailServerRefusesToStartNamingTheVariable() {
		try (TestStorage storage = TestStorage.shared()) {
			assertThatThrownBy(() -> storage.run(TestApplication.class, "--billforge.mail.outbox-enabled=false"))
				.satisfies(ex -> {
					FailureAnalysis analysis = analysis(ex);
					assertThat(analysis.getDescription()).contains("No mail server");
					assertThat(analysis.getAction()).contains("SPRING_MAIL_HOST").contains("MONGODB_URI");
				});
		}
	}

	@Test
	void withAMailServerAndABaseUrlARealDatabaseStartsAndMailLeavesTheOutbox() {
		AtomicInteger started = new AtomicInteger();
		try (TestStorage storage = TestStorage.shared();
				var context = storage.run(TestApplication.class, "--billforge.mail.outbox-enabled=false",
						"--spring.mail.host=127.0.0.1", "--spring.mail.port=9",
						"--billforge.public-base-url=https://app.example.test")) {
			started.incrementAndGet();
			assertThat(context.getBean(Notifications.class).outboxInUse()).isFalse();
			assertThat(context.getBean(MailLinks.class).to("/x")).isEqualTo("https://app.example.test/x");
		}
		assertThat(started).hasValue(1);
	}

	private static FailureAnalysis analysis(Throwable ex) {
		assertThat(NestedExceptionUtils.getMostSpecificCause(ex)).isInstanceOf(MissingProductionSettingException.class);
		return new MissingProductionSettingFailureAnalyzer().analyze(ex);
	}

}
