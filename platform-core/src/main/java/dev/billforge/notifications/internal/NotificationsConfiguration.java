package dev.billforge.notifications.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;

import dev.billforge.branding.Brand;
import dev.billforge.notifications.AlertRecipients;
import dev.billforge.notifications.Notifications;
import dev.billforge.storage.StorageMode;
import dev.billforge.valuemetric.ValueMetric;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

	/** Development switch: the in-app outbox with a real database (tests on a MongoDB). */
	static final String OUTBOX_SWITCH = "billforge.mail.outbox-enabled";

	@Bean
	MongoNotifications notifications(MongoTemplate mongo, Clock clock, ObjectProvider<AlertRecipients> recipients,
			ObjectProvider<JavaMailSender> mail, Brand brand, ValueMetric metric, JsonMapper json, StorageMode storage,
			Environment environment) {
		// Without an SMTP server configured (the embedded default), mail goes to the outbox, which only
		// the embedded default may use: with a real database, people must really get their mail.
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
		DeliveryChannels channels = new DeliveryChannels(who, mail.getIfAvailable(), new AlertMessages(brand, metric), json,
				clock);
		return new MongoNotifications(mongo, clock, channels);
	}

	@Bean
	NotificationDispatcher notificationDispatcher(Notifications notifications) {
		return new NotificationDispatcher(notifications);
	}

	static final class NotificationDispatcher {

		private final Notifications notifications;

		NotificationDispatcher(Notifications notifications) {
			this.notifications = notifications;
		}

		@Scheduled(fixedDelayString = "${billforge.notifications.dispatch-interval:PT5S}", initialDelayString = "PT5S")
		void dispatch() {
			notifications.deliverDue();
		}

	}

}
