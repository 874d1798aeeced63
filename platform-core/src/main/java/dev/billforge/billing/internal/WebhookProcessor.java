package dev.billforge.billing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.net.Webhook;

import dev.billforge.billing.BillingProperties;
import dev.billforge.orgs.OrgId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles Stripe webhook deliveries. Rules (see docs/billing.md): verify the signature on
 * the raw body with any configured secret; store the event under its id; apply its
 * effects, each idempotent on a business key; mark it processed only after they are
 * saved; fail (non-2xx) so Stripe retries. The object is always read from the raw JSON,
 * so an event rendered in another API version still works.
 */
@Component
class WebhookProcessor {

	private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

	/** The answer to a delivery. */
	enum Result {

		PROCESSED, DUPLICATE, IGNORED, REJECTED, FAILED

	}

	private final WebhookSecrets secrets;

	private final BillingProperties properties;

	private final JsonMapper json;

	private final MongoCollection<Document> events;

	private final Clock clock;

	private final SubscriptionSync subscriptions;

	private final CheckoutFinalizer checkouts;

	private final InvoiceEffects invoices;

	private final OverageBilling overage;

	private final RefundEffects refunds;

	private final CatalogService catalog;

	private final CustomerDirectory customers;

	private final AutoTopUps topUps;

	WebhookProcessor(WebhookSecrets secrets, BillingProperties properties, JsonMapper json, MongoTemplate mongo,
			Clock clock, SubscriptionSync subscriptions, CheckoutFinalizer checkouts, InvoiceEffects invoices,
			OverageBilling overage, RefundEffects refunds, CatalogService catalog, CustomerDirectory customers,
			AutoTopUps topUps) {
		this.topUps = topUps;
		this.secrets = secrets;
		this.properties = properties;
		this.json = json;
		this.events = mongo.getCollection(BillingCollections.EVENTS);
		this.clock = clock;
		this.subscriptions = subscriptions;
		this.checkouts = checkouts;
		this.invoices = invoices;
		this.overage = overage;
		this.refunds = refunds;
		this.catalog = catalog;
		this.customers = customers;
	}

	Result handle(String payload, String signatureHeader) {
		if (!verified(payload, signatureHeader)) {
			return dev.billforge.common.BillforgeMetrics.stripeWebhookEvent("unverified", Result.REJECTED);
		}
		JsonNode event;
		try {
			event = json.readTree(payload);
		}
		catch (RuntimeException ex) {
			return Result.REJECTED;
		}
		String id = event.path("id").asString("");
		String type = event.path("type").asString("");
		if (!id.startsWith("evt_") || type.isEmpty()) {
			return Result.REJECTED;
		}
		Document stored = events.find(Filters.eq("_id", id)).first();
		if (stored != null && "processed".equals(stored.getString("status"))) {
			return dev.billforge.common.BillforgeMetrics.stripeWebhookEvent(type, Result.DUPLICATE);
		}
		if (stored == null) {
			CustomerDirectory.insertIgnoringDuplicate(events,
					new Document("_id", id).append("type", type)
						.append("created", event.path("created").asLong())
						.append("apiVersion", event.path("api_version").asString(null))
						.append("status", "received")
						.append("receivedAt", clock.instant().toString())
						.append("payload", payload));
		}
		Result result = process(id, type, event.path("data").path("object"));
		long created = event.path("created").asLong();
		if ((result == Result.PROCESSED || result == Result.IGNORED) && created > 0) {
			dev.billforge.common.BillforgeMetrics
				.stripeWebhookLag(Duration.between(Instant.ofEpochSecond(created), clock.instant()));
		}
		return dev.billforge.common.BillforgeMetrics.stripeWebhookEvent(type, result);
	}

	/**
	 * Runs a stored event's processing again (operator replay): the same idempotent
	 * effects as its delivery, without a signature (it was verified when stored). Empty
	 * when no such event is stored.
	 */
	Optional<Result> replay(String eventId) {
		Document stored = events.find(Filters.eq("_id", eventId)).first();
		if (stored == null || stored.getString("payload") == null) {
			return Optional.empty();
		}
		JsonNode event = json.readTree(stored.getString("payload"));
		return Optional.of(process(eventId, stored.getString("type"), event.path("data").path("object")));
	}

	private Result process(String id, String type, JsonNode object) {
		try {
			boolean known = apply(type, object);
			events.updateOne(Filters.eq("_id", id), withOrg(type, object, Updates.set("status", "processed"),
					Updates.set("processedAt", clock.instant().toString()), Updates.unset("error")));
			if (!known) {
				log.info("Stripe event {} of type {} is not handled; acknowledged", id, type);
			}
			return known ? Result.PROCESSED : Result.IGNORED;
		}
		catch (Exception ex) {
			log.warn("Stripe event {} ({}) failed; Stripe will retry: {}", id, type, ex.toString());
			events.updateOne(Filters.eq("_id", id), withOrg(type, object, Updates.set("status", "failed"),
					Updates.set("error", String.valueOf(ex.getMessage())), Updates.inc("failures", 1)));
			return Result.FAILED;
		}
	}

	/**
	 * The org an event concerns, for the operator's per-org event log: the object's
	 * {@code org_id} metadata (Checkout sessions, customers) or its customer's mapping
	 * here (never a Stripe call).
	 */
	private Bson withOrg(String type, JsonNode object, Bson... updates) {
		List<Bson> all = new ArrayList<>(List.of(updates));
		String org = orgOf(type, object);
		if (org != null) {
			all.add(Updates.set("orgId", org));
		}
		return Updates.combine(all);
	}

	private String orgOf(String type, JsonNode object) {
		String org = object.path("metadata").path("org_id").asString(null);
		if (org == null || !OrgId.isWellFormed(org)) {
			String customer = type.startsWith("customer.") && !type.startsWith("customer.subscription.")
					? object.path("id").asString(null) : object.path("customer").asString(null);
			try {
				org = customers.mappedOrgOf(customer).map(OrgId::value).orElse(null);
			}
			catch (RuntimeException ex) {
				org = null; // the log is a convenience; never fail an event for it
			}
		}
		return org;
	}

	private boolean verified(String payload, String header) {
		if (payload == null || header == null || header.isBlank()) {
			return false;
		}
		for (String secret : secrets.all()) {
			try {
				Webhook.constructEvent(payload, header, secret, properties.getWebhookTolerance().toSeconds());
				return true;
			}
			catch (SignatureVerificationException | RuntimeException ex) {
				// try the next secret (rotation)
			}
		}
		return false;
	}

	/** Applies one event's effects; false for types Billforge does not handle. */
	boolean apply(String type, JsonNode object) throws StripeException {
		String objectId = object.path("id").asString(null);
		switch (type) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded",
					"checkout.session.async_payment_failed" ->
				checkouts.finalizeSession(objectId);
			case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
					"customer.subscription.paused", "customer.subscription.resumed" ->
				subscriptions.sync(objectId);
			case "customer.subscription.trial_will_end" -> subscriptions.trialWillEnd(objectId);
			case "invoice.created" -> overage.onInvoiceCreated(objectId);
			case "invoice.paid" -> invoices.applyPaid(objectId);
			case "invoice.payment_failed" -> subscriptionOf(object).ifPresent(subscriptions::sync);
			case "charge.refunded" -> refunds.onChargeRefunded(objectId);
			case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" -> {
				String charge = object.path("charge").asString(null);
				if (charge != null) {
					refunds.onChargeRefunded(charge);
				}
			}
			case "customer.deleted" -> customers.forget(objectId);
			case "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.requires_action" ->
				topUps.onPaymentIntent(type, object);
			default -> {
				if (type.startsWith("product.") || type.startsWith("price.")) {
					catalog.invalidate();
					return true;
				}
				return false;
			}
		}
		return true;
	}

	/** An invoice's subscription, in the basil+ shape or the older top-level field. */
	static Optional<String> subscriptionOf(JsonNode invoice) {
		String id = invoice.path("parent").path("subscription_details").path("subscription").asString(null);
		if (id == null) {
			id = invoice.path("subscription").asString(null);
		}
		return Optional.ofNullable(id);
	}

}
