package dev.billforge.notifications;

import java.util.List;

import dev.billforge.orgs.OrgId;

/** What the web app and API show and configure. */
public interface Notifications {

	List<Notification> inbox(OrgId org, int limit);

	long unreadCount(OrgId org);

	void markRead(OrgId org, String notificationId);

	/**
	 * Sets the org's webhook URL (https, or http to loopback for development) and returns
	 * a new secret.
	 */
	OrgWebhook configureWebhook(OrgId org, String url);

	/**
	 * Issues a new secret; the old one still signs deliveries for the rotation grace
	 * period.
	 */
	OrgWebhook rotateWebhookSecret(OrgId org);

	void removeWebhook(OrgId org);

	List<Delivery> deliveries(OrgId org, int limit);

	/**
	 * All mail written to the outbox (embedded default), newest first. For tests and
	 * tools only: pages show a person only their own mail ({@link #outboxFor}).
	 */
	List<OutboxMail> outbox(int limit);

	/**
	 * The outbox mail addressed to {@code address} and written at or after {@code since}
	 * (the account's creation: mail sent to an address before someone signed up with it,
	 * e.g. an invitation, is not theirs to read), newest first.
	 */
	List<OutboxMail> outboxFor(String address, java.time.Instant since, int limit);

	/**
	 * True when mail goes to the in-app outbox (embedded default without SMTP), false
	 * when it is sent.
	 */
	boolean outboxInUse();

	/**
	 * Sends one mail (e.g. a password reset or an invitation) with the tenant's sender:
	 * to the outbox on the embedded default, by SMTP when configured. {@code key} makes
	 * it idempotent in the outbox.
	 * @return false when sending failed (the reason is logged)
	 */
	boolean sendMail(String key, List<String> to, String subject, String body);

	/**
	 * Raises an alert another module detected (e.g. telemetry's alerts on monitored
	 * agents, billing's {@code trial_will_end}): in-app, by email to the org's alert
	 * recipients and to the org's webhook, like the ledger's alerts. Once per {@code id}:
	 * raising the same id again does nothing.
	 */
	void raise(OrgId org, String id, String type, java.time.Instant at, java.util.Map<String, String> details);

	/** Delivers whatever is due now; called by the scheduler (and by tests). */
	int deliverDue();

}
