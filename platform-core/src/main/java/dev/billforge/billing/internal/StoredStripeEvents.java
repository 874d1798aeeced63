package dev.billforge.billing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import dev.billforge.billing.BillingConsole;
import dev.billforge.billing.CatalogEntry;
import dev.billforge.billing.StripeEventRecord;
import dev.billforge.orgs.OrgId;

/**
 * The operator console's view of billing: the stored Stripe events per org, replays, the
 * discovered catalog.
 */
@Component
class StoredStripeEvents implements BillingConsole {

	private final MongoCollection<Document> events;

	private final WebhookProcessor processor;

	private final CatalogService catalog;

	StoredStripeEvents(MongoTemplate mongo, WebhookProcessor processor, CatalogService catalog) {
		this.events = mongo.getCollection(BillingCollections.EVENTS);
		this.processor = processor;
		this.catalog = catalog;
	}

	@Override
	public List<StripeEventRecord> events(OrgId org, int limit) {
		return events.find(Filters.eq("orgId", org.value()))
			.sort(Sorts.descending("receivedAt"))
			.limit(limit)
			.map(StoredStripeEvents::record)
			.into(new ArrayList<>());
	}

	@Override
	public Optional<StripeEventRecord> replay(OrgId org, String eventId) {
		if (eventId == null || !eventId.startsWith("evt_") || events
			.countDocuments(Filters.and(Filters.eq("_id", eventId), Filters.eq("orgId", org.value()))) == 0) {
			return Optional.empty();
		}
		processor.replay(eventId);
		return Optional.ofNullable(events.find(Filters.eq("_id", eventId)).first()).map(StoredStripeEvents::record);
	}

	@Override
	public List<CatalogEntry> catalog() {
		return catalog.entries();
	}

	private static StripeEventRecord record(Document doc) {
		return new StripeEventRecord(doc.getString("_id"), doc.getString("type"), doc.getString("orgId"),
				instant(doc.getString("receivedAt")), doc.getString("status"), instant(doc.getString("processedAt")),
				doc.getString("error"), doc.getInteger("failures", 0));
	}

	private static Instant instant(String text) {
		return text == null ? null : Instant.parse(text);
	}

}
