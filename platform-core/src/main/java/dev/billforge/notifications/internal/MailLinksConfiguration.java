package dev.billforge.notifications.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.billforge.notifications.MailLinks;
import dev.billforge.storage.StorageMode;

/**
 * The public base URL for links in mails. With a real database it must be configured: a
 * link built from a guessed host would send people (and their reset tokens) elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class MailLinksConfiguration {

	static final String PROPERTY = "billforge.public-base-url";

	static final String VARIABLE = "PUBLIC_BASE_URL";

	private final AtomicInteger port = new AtomicInteger();

	@Bean
	MailLinks mailLinks(Environment environment, StorageMode storage) {
		String base = environment.getProperty(PROPERTY);
		if (base == null || base.isBlank()) {
			base = environment.getProperty(VARIABLE);
		}
		if ((base == null || base.isBlank()) && !storage.isEmbedded()) {
			throw new MissingProductionSettingException(VARIABLE,
					"No public base URL is configured, so links in mails (verification, password reset, invitations) "
							+ "cannot be built safely.",
					"Set the environment variable PUBLIC_BASE_URL (or the property " + PROPERTY
							+ ") to the address people open, e.g. https://docs.example.com. Only the embedded "
							+ "default (no MONGODB_URI) may do without it.");
		}
		port.set(environment.getProperty("server.port", Integer.class, 8080));
		return new MailLinks(base, port::get);
	}

	@Bean
	ApplicationListener<WebServerInitializedEvent> mailLinksPort() {
		return event -> {
			if (event.getWebServer().getPort() > 0) {
				port.set(event.getWebServer().getPort());
			}
		};
	}

}
