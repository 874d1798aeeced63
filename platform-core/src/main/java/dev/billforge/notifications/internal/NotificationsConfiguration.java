package dev.billforge.notifications.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;

import dev.billforge.branding.Brand;
import dev.billforge.notifications.AlertRecipients;
import dev.billforge.notifications.Notifications;
import dev.billforge.valuemetric.ValueMetric;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

	@Bean
	MongoNotifications notifications(MongoTemplate mongo, Clock clock, ObjectProvider<AlertRecipients> recipients,
			ObjectProvider<JavaMailSender> mail, Brand brand, ValueMetric metric, JsonMapper json) {
		// Without an SMTP server configured (the embedded default), mail goes to the outbox.
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
