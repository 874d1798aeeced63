package dev.billforge.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import dev.billforge.notifications.AlertRecipients;
import dev.billforge.notifications.Delivery;
import dev.billforge.notifications.Notification;
import tools.jackson.databind.json.JsonMapper;

/** Sends one notification on one channel. */
final class DeliveryChannels {

	record Result(boolean delivered, boolean skipped, String error) {

		static Result ok() {
			return new Result(true, false, null);
		}

		static Result skipped(String why) {
			return new Result(false, true, why);
		}

		static Result failed(String why) {
			return new Result(false, false, why);
		}

	}

	private final AlertRecipients recipients;

	private final JavaMailSender mail;

	private final AlertMessages messages;

	private final JsonMapper json;

	private final Clock clock;

	private final WebhookSender webhooks;

	DeliveryChannels(AlertRecipients recipients, JavaMailSender mail, AlertMessages messages, JsonMapper json,
			Clock clock, WebhookSender webhooks) {
		this.webhooks = webhooks;
		this.recipients = recipients;
		this.mail = mail;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	Result deliver(Delivery.Channel channel, Notification notification, MongoNotifications store) {
		return switch (channel) {
			case EMAIL -> email(notification, store);
			case WEBHOOK -> counted("webhook", webhook(notification, store));
		};
	}

	private Result email(Notification notification, MongoNotifications store) {
		List<String> to = recipients.emails(notification.orgId());
		if (to.isEmpty()) {
			return Result.skipped("no recipients");
		}
		return mail(notification.id(), to, messages.subject(notification), messages.body(notification), store);
	}

	boolean outboxInUse() {
		return mail == null;
	}

	/**
	 * A mail that is not an alert (password reset, invitation): outbox or SMTP, like
	 * alert mail.
	 */
	Result mail(String key, List<String> to, String subject, String body, MongoNotifications store) {
		if (mail == null) {
			store.writeOutbox(key, to, messages.sender(), subject, body);
			return Result.ok();
		}
		try {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setTo(to.toArray(String[]::new));
			message.setFrom(messages.sender());
			message.setSubject(subject);
			message.setText(body);
			mail.send(message);
			return counted("mail", Result.ok());
		}
		catch (RuntimeException ex) {
			return counted("mail", Result.failed("mail: " + ex.getMessage()));
		}
	}

	private static Result counted(String channel, Result result) {
		if (!result.skipped()) {
			dev.billforge.common.BillforgeMetrics.delivery(channel, result.delivered());
		}
		return result;
	}

	private Result webhook(Notification notification, MongoNotifications store) {
		MongoNotifications.WebhookTarget target = store.webhookTarget(notification.orgId().value());
		if (target == null) {
			return Result.skipped("no webhook configured");
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", notification.id());
		payload.put("type", "alert." + notification.type());
		payload.put("orgId", notification.orgId().value());
		payload.put("createdAt", notification.createdAt().toString());
		Map<String, Object> data = new LinkedHashMap<>(notification.details());
		if (notification.threshold() != null) {
			data.put("threshold", notification.threshold());
		}
		payload.put("data", data);
		String body = json.writeValueAsString(payload);
		long timestamp = clock.instant().getEpochSecond();
		StringBuilder signature = new StringBuilder("t=").append(timestamp);
		for (String secret : target.secrets()) {
			signature.append(",v1=").append(hmac(secret, timestamp + "." + body));
		}
		String error = webhooks.post(target.url(),
				Map.of("Billforge-Signature", signature.toString(), "Billforge-Event-Id", notification.id()), body);
		return error == null ? Result.ok() : Result.failed(error);
	}

	static String hmac(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
