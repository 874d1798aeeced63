package dev.billforge.notifications.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocketFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import dev.billforge.branding.Brand;
import dev.billforge.notifications.AlertRecipients;
import dev.billforge.notifications.Notifications;
import dev.billforge.storage.StorageMode;
import dev.billforge.valuemetric.ValueMetric;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookDeliveryProperties.class)
class NotificationsConfiguration {

	/**
	 * Development switch: the in-app outbox with a real database (tests on a MongoDB).
	 */
	static final String OUTBOX_SWITCH = "billforge.mail.outbox-enabled";

	private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

	@Bean
	WebhookTargets webhookTargets(WebhookDeliveryProperties properties) {
		if (properties.allowLoopback()) {
			log.warn("billforge.notifications.webhooks.allow-loopback=true: org webhooks may reach this machine "
					+ "(development only, never in production)");
		}
		return new WebhookTargets(properties.allowLoopback(), InetAddress::getAllByName);
	}

	/**
	 * Not a ScheduledExecutorService bean: Boot would take that for the application's
	 * task scheduler.
	 */
	@Bean(destroyMethod = "close")
	WebhookSender webhookSender(WebhookTargets targets, WebhookDeliveryProperties properties) {
		ScheduledExecutorService watchdog = Executors
			.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("webhook-watchdog-"));
		return new WebhookSender(targets, (SSLSocketFactory) SSLSocketFactory.getDefault(), watchdog, properties);
	}

	@Bean
	MongoNotifications notifications(MongoTemplate mongo, Clock clock, ObjectProvider<AlertRecipients> recipients,
			ObjectProvider<JavaMailSender> mail, Brand brand, ValueMetric metric, JsonMapper json, StorageMode storage,
			Environment environment, WebhookTargets targets, WebhookSender sender) {
		// Without an SMTP server configured (the embedded default), mail goes to the
		// outbox, which only
		// the embedded default may use: with a real database, people must really get
		// their mail.
		if (mail.getIfAvailable() == null && !storage.isEmbedded()
				&& !environment.getProperty(OUTBOX_SWITCH, Boolean.class, false)) {
			throw new MissingProductionSettingException("SPRING_MAIL_HOST",
					"No mail server is configured; with a real database mail (verification, password reset, "
							+ "invitations, alerts) must be sent, not kept in the development outbox.",
					"Set the environment variable SPRING_MAIL_HOST (spring.mail.host; also SPRING_MAIL_PORT, "
							+ "SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD as your server needs). For development "
							+ "only: remove MONGODB_URI (embedded default) or set " + OUTBOX_SWITCH + "=true.");
		}
		AlertRecipients who = recipients.getIfAvailable(() -> org -> List.of());
		DeliveryChannels channels = new DeliveryChannels(who, mail.getIfAvailable(), new AlertMessages(brand, metric),
				json, clock, sender);
		return new MongoNotifications(mongo, clock, channels, targets);
	}

	@Bean
	NotificationDispatcher notificationDispatcher(Notifications notifications) {
		return new NotificationDispatcher(notifications);
	}

	/**
	 * Runs deliveries on their own thread, never on the shared scheduler that also runs
	 * the ledger's sweeps and the billing jobs: a tick hands the work over and returns;
	 * while a run is still going, the next tick is skipped (the due deliveries are still
	 * due next time).
	 */
	static final class NotificationDispatcher implements DisposableBean {

		private final Notifications notifications;

		private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new SynchronousQueue<>(), new CustomizableThreadFactory("notification-delivery-"),
				new ThreadPoolExecutor.DiscardPolicy());

		NotificationDispatcher(Notifications notifications) {
			this.notifications = notifications;
		}

		@Scheduled(fixedDelayString = "${billforge.notifications.dispatch-interval:PT5S}", initialDelayString = "PT5S")
		void dispatch() {
			executor.execute(() -> {
				try {
					notifications.deliverDue();
				}
				catch (RuntimeException ex) {
					log.warn("Delivering notifications failed; next tick retries: {}", ex.toString());
				}
			});
		}

		@Override
		public void destroy() {
			executor.shutdownNow();
		}

	}

}
