package dev.billforge.billing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.billforge.orgs.OrgId;

/**
 * Auto top-up purchases ({@code billing_top_up_purchases}, {@code _id = orgId:crossing}).
 * Inserting the record is the claim of a crossing: of any number of concurrent commits
 * (threads or instances) exactly one insert succeeds, so one payment is made. Status
 * moves once, {@code pending} → {@code succeeded} or {@code failed}, by a guarded update,
 * so the webhook and the synchronous answer cannot both count it.
 */
@Component
class TopUpPurchases {

	/** One purchase as stored. */
	record Purchase(String id, OrgId org, long crossing, String status, String lookupKey, String credits, long amount,
			String currency, String paymentIntent, String failureCode, Instant createdAt) {
	}

	private final MongoCollection<Document> purchases;

	TopUpPurchases(MongoTemplate mongo) {
		this.purchases = mongo.getCollection(BillingCollections.TOP_UP_PURCHASES);
	}

	/** Claims the crossing; false when another commit claimed it first. */
	boolean claim(Purchase p) {
		return CustomerDirectory.insertIgnoringDuplicate(purchases,
				new Document("_id", p.id()).append("orgId", p.org().value())
					.append("crossing", p.crossing())
					.append("status", "pending")
					.append("lookupKey", p.lookupKey())
					.append("credits", p.credits())
					.append("amount", p.amount())
					.append("currency", p.currency())
					.append("createdAt", Date.from(p.createdAt())));
	}

	Optional<Purchase> find(String id) {
		return Optional.ofNullable(purchases.find(Filters.eq("_id", id)).first()).map(TopUpPurchases::read);
	}

	/**
	 * Purchases that spent or may spend money since {@code from}: pending and succeeded
	 * ones.
	 */
	long countSince(OrgId org, Instant from) {
		return purchases.countDocuments(Filters.and(Filters.eq("orgId", org.value()),
				Filters.in("status", "pending", "succeeded"), Filters.gte("createdAt", Date.from(from))));
	}

	void paymentIntent(String id, String paymentIntent) {
		if (paymentIntent != null) {
			purchases.updateOne(Filters.eq("_id", id), Updates.set("paymentIntent", paymentIntent));
		}
	}

	boolean markSucceeded(String id, String paymentIntent, Instant now) {
		return purchases
			.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("status", "succeeded")),
					Updates.combine(Updates.set("status", "succeeded"), Updates.set("paymentIntent", paymentIntent),
							Updates.set("endedAt", Date.from(now)), Updates.unset("failureCode")))
			.getModifiedCount() == 1;
	}

	/** pending → failed; true for the one caller that moved it. */
	boolean markFailed(String id, String code, Instant now) {
		return purchases.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "pending")),
				Updates.combine(Updates.set("status", "failed"), Updates.set("failureCode", code),
						Updates.set("endedAt", Date.from(now))))
			.getModifiedCount() == 1;
	}

	/**
	 * Pending purchases created before {@code before} (a crash or a Stripe fault left
	 * them), oldest first.
	 */
	List<Purchase> pendingBefore(Instant before, int limit) {
		List<Purchase> result = new ArrayList<>();
		purchases.find(Filters.and(Filters.eq("status", "pending"), Filters.lt("createdAt", Date.from(before))))
			.sort(Sorts.ascending("createdAt"))
			.limit(limit)
			.forEach(d -> result.add(read(d)));
		return result;
	}

	List<Purchase> latest(OrgId org, int limit) {
		List<Purchase> result = new ArrayList<>();
		purchases.find(Filters.eq("orgId", org.value()))
			.sort(Sorts.descending("createdAt"))
			.limit(limit)
			.forEach(d -> result.add(read(d)));
		return result;
	}

	private static Purchase read(Document d) {
		return new Purchase(d.getString("_id"), new OrgId(d.getString("orgId")),
				((Number) d.get("crossing")).longValue(), d.getString("status"), d.getString("lookupKey"),
				d.getString("credits"), ((Number) d.get("amount")).longValue(), d.getString("currency"),
				d.getString("paymentIntent"), d.getString("failureCode"), AutoTopUpStore.instant(d, "createdAt"));
	}

}
