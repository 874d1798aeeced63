package dev.billforge.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;

import dev.billforge.notifications.Notifications;
import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;

/**
 * {@code accounts create-operator --email ...}: a non-web run that makes the operator and
 * mails the link.
 */
class CreateOperatorCommandIT {

	@Test
	void theCommandCreatesAnOperatorMailsTheSetPasswordLinkAndExitsWithZero() {
		AtomicInteger exit = new AtomicInteger(-1);
		try (TestStorage storage = TestStorage.create();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
					.initializers(c -> c.getBeanFactory().registerSingleton("testExit", (CommandExit) exit::set))
					.run(storage.args("accounts", "create-operator", "--email", "Ops@Example.test",
							"--billforge.public-base-url=https://ops.example.test"))) {
			assertThat(context).isNotInstanceOf(WebApplicationContext.class);
			assertThat(exit).hasValue(0);
			Account operator = context.getBean(Accounts.class).find("ops@example.test").orElseThrow();
			assertThat(operator.operator()).isTrue();
			assertThat(context.getBean(Notifications.class).outbox(10))
				.anySatisfy(mail -> assertThat(mail.body()).contains("https://ops.example.test/password-reset/"));
		}
	}

	@Test
	void withoutAnAddressTheCommandExitsWithOne() {
		AtomicInteger exit = new AtomicInteger(-1);
		try (TestStorage storage = TestStorage.create();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
					.initializers(c -> c.getBeanFactory().registerSingleton("testExit", (CommandExit) exit::set))
					.run(storage.args("accounts", "create-operator"))) {
			assertThat(exit).hasValue(1);
		}
	}

}
