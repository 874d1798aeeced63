package dev.billforge.notifications.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.billforge.common.ProblemException;
import dev.billforge.ledger.Alert;
import dev.billforge.ledger.LedgerCommitListener;
import dev.billforge.ledger.LedgerCommitted;
import dev.billforge.notifications.Delivery;
import dev.billforge.notifications.Notification;
import dev.billforge.notifications.Notifications;
import dev.billforge.notifications.OrgWebhook;
import dev.billforge.notifications.OutboxMail;
import dev.billforge.orgs.OrgId;

/**
 * Turns every fired alert into an in-app notification and one delivery per channel, each
 * keyed by the alert's id — so an alert projected twice (after a crash) still notifies
 * once — and delivers them with retries.
 */
final class MongoNotifications implements Notifications, LedgerCommitListener {

	static final String NOTIFICATIONS = "notifications";

	static final String DELIVERIES = "notification_deliveries";

	static final String WEBHOOKS = "org_webhooks";

	static final String OUTBOX = "mail_outbox";

	static final int MAX_ATTEMPTS = 8;

	static final Duration ROTATION_GRACE = Duration.ofHours(24);

	private final MongoCollection<Document> notifications;

	private final MongoCollection<Document> deliveries;

	private final MongoCollection<Document> webhooks;

	private final MongoCollection<Document> outbox;

	private final Clock clock;

	private final DeliveryChannels channels;

	private final WebhookTargets targets;

	private final SecureRandom random = new SecureRandom();

	MongoNotifications(MongoTemplate mongo, Clock clock, DeliveryChannels channels, WebhookTargets targets) {
		this.targets = targets;
		this.notifications = mongo.getCollection(NOTIFICATIONS);
		this.deliveries = mongo.getCollection(DELIVERIES);
		this.webhooks = mongo.getCollection(WEBHOOKS);
		this.outbox = mongo.getCollection(OUTBOX);
		this.clock = clock;
		this.channels = channels;
	}

	@Override
	public void onCommit(LedgerCommitted commit) {
		for (Alert alert : commit.alerts()) {
			raise(alert.orgId(), alert.id(), alert.type().code(), alert.threshold(), alert.firedAt(), alert.details());
		}
	}

	@Override
	public void raise(OrgId org, String id, String type, Instant at, Map<String, String> details) {
		raise(org, id, type, null, at, details);
	}

	private void raise(OrgId org, String id, String type, Integer threshold, Instant at, Map<String, String> details) {
		insertOnce(notifications,
				new Document("_id", id).append("orgId", org.value())
					.append("type", type)
					.append("threshold", threshold)
					.append("createdAt", at.toString())
					.append("read", false)
					.append("details", new Document(new java.util.LinkedHashMap<String, Object>(details))));
		for (Delivery.Channel channel : Delivery.Channel.values()) {
			insertOnce(deliveries,
					new Document("_id", id + "|" + channel.name().toLowerCase()).append("notificationId", id)
						.append("orgId", org.value())
						.append("channel", channel.name())
						.append("status", Delivery.Status.PENDING.name())
						.append("attempts", 0)
						.append("nextAttemptAt", at.toString()));
		}
	}

	private static void insertOnce(MongoCollection<Document> collection, Document doc) {
		try {
			collection.insertOne(doc);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

	@Override
	public List<Notification> inbox(OrgId org, int limit) {
		List<Notification> found = new ArrayList<>();
		for (Document doc : notifications.find(Filters.eq("orgId", org.value()))
			.sort(Sorts.descending("createdAt"))
			.limit(limit)) {
			found.add(toNotification(doc));
		}
		return found;
	}

	@SuppressWarnings("unchecked")
	static Notification toNotification(Document doc) {
		Document details = doc.get("details", Document.class);
		Map<String, String> map = details == null ? Map.of() : (Map<String, String>) (Map<?, ?>) details;
		return new Notification(doc.getString("_id"), new OrgId(doc.getString("orgId")), doc.getString("type"),
				doc.getInteger("threshold"), Instant.parse(doc.getString("createdAt")), doc.getBoolean("read", false),
				Map.copyOf(map));
	}

	@Override
	public long unreadCount(OrgId org) {
		return notifications.countDocuments(Filters.and(Filters.eq("orgId", org.value()), Filters.eq("read", false)));
	}

	@Override
	public void markRead(OrgId org, String notificationId) {
		Document doc = notifications.find(Filters.eq("_id", notificationId)).first();
		if (doc == null || !org.value().equals(doc.getString("orgId"))) {
			throw ProblemException.notFound("notification");
		}
		notifications.updateOne(Filters.eq("_id", notificationId), Updates.set("read", true));
	}

	@Override
	public OrgWebhook configureWebhook(OrgId org, String url) {
		targets.requireAllowed(url);
		String secret = newSecret();
		webhooks.replaceOne(Filters.eq("_id", org.value()),
				new Document("_id", org.value()).append("url", url)
					.append("secret", secret)
					.append("updatedAt", clock.instant().toString()),
				new ReplaceOptions().upsert(true));
		return new OrgWebhook(url, secret);
	}

	@Override
	public OrgWebhook rotateWebhookSecret(OrgId org) {
		Document current = webhooks.find(Filters.eq("_id", org.value())).first();
		if (current == null) {
			throw ProblemException.notFound("webhook");
		}
		String secret = newSecret();
		webhooks.updateOne(Filters.eq("_id", org.value()),
				Updates.combine(Updates.set("secret", secret),
						Updates.set("previousSecret", current.getString("secret")),
						Updates.set("previousUntil", clock.instant().plus(ROTATION_GRACE).toString())));
		return new OrgWebhook(current.getString("url"), secret);
	}

	@Override
	public void removeWebhook(OrgId org) {
		webhooks.deleteOne(Filters.eq("_id", org.value()));
	}

	/**
	 * The org's webhook with the secrets that sign now (the previous one only within its
	 * grace).
	 */
	WebhookTarget webhookTarget(String orgId) {
		Document doc = webhooks.find(Filters.eq("_id", orgId)).first();
		if (doc == null) {
			return null;
		}
		List<String> secrets = new ArrayList<>(List.of(doc.getString("secret")));
		String previousUntil = doc.getString("previousUntil");
		if (doc.getString("previousSecret") != null && previousUntil != null
				&& Instant.parse(previousUntil).isAfter(clock.instant())) {
			secrets.add(doc.getString("previousSecret"));
		}
		return new WebhookTarget(doc.getString("url"), secrets);
	}

	record WebhookTarget(String url, List<String> secrets) {
	}

	private String newSecret() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return "whsec_" + HexFormat.of().formatHex(bytes);
	}

	@Override
	public List<Delivery> deliveries(OrgId org, int limit) {
		List<Delivery> found = new ArrayList<>();
		for (Document doc : deliveries.find(Filters.eq("orgId", org.value()))
			.sort(Sorts.descending("nextAttemptAt"))
			.limit(limit)) {
			found.add(new Delivery(doc.getString("_id"), doc.getString("notificationId"),
					Delivery.Channel.valueOf(doc.getString("channel")), status(doc.getString("status")),
					doc.getInteger("attempts", 0),
					doc.getString("lastAttemptAt") == null ? null : Instant.parse(doc.getString("lastAttemptAt")),
					doc.getString("lastError")));
		}
		return found;
	}

	/**
	 * A delivery being sent right now is still pending for the log (the claim's
	 * {@code SENDING}).
	 */
	private static Delivery.Status status(String stored) {
		return "SENDING".equals(stored) ? Delivery.Status.PENDING : Delivery.Status.valueOf(stored);
	}

	@Override
	public List<OutboxMail> outbox(int limit) {
		List<OutboxMail> found = new ArrayList<>();
		for (Document doc : outbox.find().sort(Sorts.descending("createdAt")).limit(limit)) {
			found.add(new OutboxMail(doc.getString("_id"), doc.getList("to", String.class), doc.getString("from"),
					doc.getString("subject"), doc.getString("body"), Instant.parse(doc.getString("createdAt"))));
		}
		return found;
	}

	@Override
	public List<OutboxMail> outboxFor(String address, Instant since, int limit) {
		String to = address == null ? "" : address.strip().toLowerCase(java.util.Locale.ROOT);
		List<OutboxMail> found = new ArrayList<>();
		for (Document doc : outbox.find(Filters.eq("to", to)).sort(Sorts.descending("createdAt")).limit(limit)) {
			Instant created = Instant.parse(doc.getString("createdAt"));
			if (!created.isBefore(since)) {
				found.add(new OutboxMail(doc.getString("_id"), doc.getList("to", String.class), doc.getString("from"),
						doc.getString("subject"), doc.getString("body"), created));
			}
		}
		return found;
	}

	@Override
	public boolean outboxInUse() {
		return channels.outboxInUse();
	}

	void writeOutbox(String id, List<String> to, String from, String subject, String body) {
		insertOnce(outbox,
				new Document("_id", id).append("to", to)
					.append("from", from)
					.append("subject", subject)
					.append("body", body)
					.append("createdAt", clock.instant().toString()));
	}

	@Override
	public boolean sendMail(String key, List<String> to, String subject, String body) {
		return channels.mail(key, to, subject, body, this).delivered();
	}

	@Override
	public int deliverDue() {
		Instant now = clock.instant();
		int done = 0;
		List<Document> due = deliveries
			.find(Filters.and(Filters.in("status", "PENDING", "SENDING"), Filters.lte("nextAttemptAt", now.toString())))
			.limit(200)
			.into(new ArrayList<>());
		for (Document doc : due) {
			// Claim: only one dispatcher (thread or instance) moves a delivery forward
			// per attempt.
			int attempts = doc.getInteger("attempts", 0);
			var claimed = deliveries.updateOne(
					Filters.and(Filters.eq("_id", doc.getString("_id")), Filters.eq("attempts", attempts),
							Filters.eq("status", doc.getString("status"))),
					Updates.combine(Updates.set("status", "SENDING"), Updates.set("attempts", attempts + 1),
							Updates.set("lastAttemptAt", now.toString()),
							Updates.set("nextAttemptAt", now.plus(Duration.ofMinutes(2)).toString())));
			if (claimed.getModifiedCount() == 0) {
				continue;
			}
			Document notification = notifications.find(Filters.eq("_id", doc.getString("notificationId"))).first();
			DeliveryChannels.Result result = notification == null
					? DeliveryChannels.Result.skipped("notification missing") : channels.deliver(
							Delivery.Channel.valueOf(doc.getString("channel")), toNotification(notification), this);
			Document update;
			if (result.delivered() || result.skipped()) {
				update = new Document("status", result.delivered() ? "DELIVERED" : "SKIPPED").append("lastError",
						result.error());
				done++;
			}
			else if (attempts + 1 >= MAX_ATTEMPTS) {
				update = new Document("status", "FAILED").append("lastError", result.error());
			}
			else {
				Duration backoff = Duration.ofSeconds(30L << Math.min(attempts, 7));
				update = new Document("status", "PENDING").append("lastError", result.error())
					.append("nextAttemptAt", now.plus(backoff).toString());
			}
			deliveries.updateOne(Filters.eq("_id", doc.getString("_id")), new Document("$set", update));
		}
		return done;
	}

}
