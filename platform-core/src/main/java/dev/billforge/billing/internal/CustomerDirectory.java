package dev.billforge.billing.internal;

import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;

import dev.billforge.common.ProductProperties;
import dev.billforge.common.Tracing;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;

/**
 * One Stripe customer per org, created when first needed with the idempotency key
 * {@code customer:<tag>:<orgId>} (concurrent first uses get the same customer) and mapped
 * both ways under {@code _id}.
 */
@Component
class CustomerDirectory {

	private final StripeClient stripe;

	private final MongoCollection<Document> byOrg;

	private final MongoCollection<Document> byCustomer;

	private final Orgs orgs;

	private final String tag;

	CustomerDirectory(StripeClient stripe, MongoTemplate mongo, Orgs orgs, ProductProperties product) {
		this.stripe = stripe;
		this.byOrg = mongo.getCollection(BillingCollections.CUSTOMERS);
		this.byCustomer = mongo.getCollection(BillingCollections.CUSTOMER_ORGS);
		this.orgs = orgs;
		this.tag = product.getTag();
	}

	Optional<String> customerOf(OrgId org) {
		return Optional.ofNullable(byOrg.find(Filters.eq("_id", org.value())).first())
			.map(d -> d.getString("customerId"));
	}

	/** The org's customer, created in Stripe when it has none yet. */
	String ensureCustomer(OrgId org) {
		Optional<String> known = customerOf(org);
		if (known.isPresent()) {
			return known.get();
		}
		Org found = orgs.find(org).orElseThrow(() -> new IllegalArgumentException("unknown org " + org));
		try {
			Customer customer = Tracing.span("stripe.customer.create", org.value(), () -> stripe.v1()
				.customers()
				.create(CustomerCreateParams.builder()
					.setName(found.name())
					.putMetadata("org_id", org.value())
					.putMetadata("product", tag)
					.build(),
						RequestOptions.builder().setIdempotencyKey("customer:" + tag + ":" + org.value()).build()));
			link(org, customer.getId());
			return customerOf(org).orElse(customer.getId());
		}
		catch (StripeException ex) {
			throw StripeFailures.unavailable("creating the customer", ex);
		}
	}

	/**
	 * The org's currency, fixed at its first completed purchase (a Stripe customer has
	 * one currency); empty before.
	 */
	Optional<String> currencyOf(OrgId org) {
		return Optional.ofNullable(byOrg.find(Filters.eq("_id", org.value())).first())
			.map(d -> d.getString("currency"));
	}

	/**
	 * Fixes the org's currency at its first completed purchase; a later purchase never
	 * changes it (the filter matches only a record without one, so concurrent first
	 * purchases keep the first written).
	 */
	void fixCurrency(OrgId org, String currency) {
		if (currency != null && !currency.isBlank()) {
			byOrg.updateOne(Filters.and(Filters.eq("_id", org.value()), Filters.exists("currency", false)),
					com.mongodb.client.model.Updates.set("currency", currency.toLowerCase(java.util.Locale.ROOT)));
		}
	}

	/** The org a customer is mapped to here, without asking Stripe. */
	Optional<OrgId> mappedOrgOf(String customerId) {
		if (customerId == null) {
			return Optional.empty();
		}
		Document doc = byCustomer.find(Filters.eq("_id", customerId)).first();
		return doc == null ? Optional.empty() : Optional.of(new OrgId(doc.getString("orgId")));
	}

	Optional<OrgId> orgOf(String customerId) {
		if (customerId == null) {
			return Optional.empty();
		}
		Document doc = byCustomer.find(Filters.eq("_id", customerId)).first();
		if (doc != null) {
			return Optional.of(new OrgId(doc.getString("orgId")));
		}
		try {
			Customer customer = stripe.v1().customers().retrieve(customerId);
			if (Boolean.TRUE.equals(customer.getDeleted()) || customer.getMetadata() == null
					|| !tag.equals(customer.getMetadata().get("product"))) {
				return Optional.empty();
			}
			String orgId = customer.getMetadata().get("org_id");
			if (!OrgId.isWellFormed(orgId)) {
				return Optional.empty();
			}
			OrgId org = new OrgId(orgId);
			link(org, customerId);
			return Optional.of(org);
		}
		catch (StripeException ex) {
			if (StripeFailures.transientFault(ex)) {
				throw new IllegalStateException("Stripe unavailable while resolving customer " + customerId, ex);
			}
			return Optional.empty();
		}
	}

	/**
	 * Forgets a customer deleted in Stripe, so the org gets a new one when next needed.
	 */
	void forget(String customerId) {
		Document doc = byCustomer.findOneAndDelete(Filters.eq("_id", customerId));
		if (doc != null) {
			byOrg.deleteOne(
					Filters.and(Filters.eq("_id", doc.getString("orgId")), Filters.eq("customerId", customerId)));
		}
	}

	void link(OrgId org, String customerId) {
		insertIgnoringDuplicate(byOrg, new Document("_id", org.value()).append("customerId", customerId));
		insertIgnoringDuplicate(byCustomer, new Document("_id", customerId).append("orgId", org.value()));
	}

	static boolean insertIgnoringDuplicate(MongoCollection<Document> collection, Document doc) {
		try {
			collection.insertOne(doc);
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

}
