package dev.billforge.api;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Descriptions of the response fields whose records live in domain modules (ledger,
 * billing, orgs, outcomes). Kept here, next to the contract, so the domain types stay
 * free of documentation annotations; a description written on the record itself wins.
 */
final class ApiFieldDescriptions {

	private static final Map<String, String> FIELDS = Map.ofEntries(
			Map.entry("LedgerEntry.seq", "The ledger commit this entry belongs to (increasing per org)."),
			Map.entry("LedgerEntry.index", "Position of the entry within its commit."),
			Map.entry("LedgerEntry.at", "When it was committed (RFC 3339)."),
			Map.entry("LedgerEntry.type", "What moved credits."),
			Map.entry("LedgerEntry.opKey", "The idempotency key of the operation (usage key, hold key, grant key)."),
			Map.entry("LedgerEntry.grantId", "The grant created, expired or adjusted."),
			Map.entry("LedgerEntry.holdId", "The hold held, committed or released."),
			Map.entry("LedgerEntry.meter", "The meter of a usage debit."),
			Map.entry("LedgerEntry.draws", "Which grants a charge was drawn from."),
			Map.entry("LedgerEntry.reason", "Why (grants, adjustments)."), Map.entry("Alert.id", "The alert's id."),
			Map.entry("Alert.threshold", "Percent of the period's credits, for threshold alerts."),
			Map.entry("Alert.periodStart", "Start of the billing period the alert belongs to."),
			Map.entry("Alert.firedAt", "When it fired."),
			Map.entry("Alert.details", "Figures at the time (used, period credits, projection)."),
			Map.entry("IssuedApiKey.id", "The key's id (to revoke it)."),
			Map.entry("IssuedApiKey.key", "The secret key, `<tag>_sk_...`; shown only in this answer."),
			Map.entry("IssuedApiKey.prefix", "The key's visible prefix, shown in lists."),
			Map.entry("LedgerVerification.consistent",
					"Whether every balance re-derived from the ledger matches the stored one."),
			Map.entry("LedgerVerification.commits", "Commits read."),
			Map.entry("LedgerVerification.entries", "Entries read."),
			Map.entry("LedgerVerification.differences", "What did not match, for people."),
			Map.entry("CatalogEntry.lookupKey", "Stable key of the price; pass it to a checkout session."),
			Map.entry("CatalogEntry.kind", "A subscription plan or a one-time credit pack."),
			Map.entry("CatalogEntry.unitAmount", "Price in the currency's minor unit (cents)."),
			Map.entry("CatalogEntry.interval", "Billing interval of a plan."),
			Map.entry("SubscriptionView.status", "Stripe's subscription status (active, past_due, canceled, ...)."),
			Map.entry("SubscriptionView.lookupKey", "The plan's lookup key."),
			Map.entry("SubscriptionView.pastDueSince", "Since when a payment is missing."),
			Map.entry("EnterpriseContract.status", "active or ended."),
			Map.entry("EnterpriseContract.interval", "Period of the allowance (day, week, month, year)."),
			Map.entry("EnterpriseContract.intervalCount", "Intervals per period."),
			Map.entry("EnterpriseContract.anchor", "When the first period starts."),
			Map.entry("StripeEventRecord.status", "processed, failed or ignored."),
			Map.entry("StripeEventRecord.failures", "Failed processing attempts."),
			Map.entry("Outcome.id", "The product's own id of the outcome (idempotency key of the proposal)."),
			Map.entry("Outcome.windowEndsAt", "When the dispute window closes and the fee is charged."),
			Map.entry("Outcome.audit", "Every transition, oldest first."),
			Map.entry("InvoiceSummary.total", "Total in the currency's minor unit."),
			Map.entry("InvoiceSummary.hostedInvoiceUrl", "Stripe's page of the invoice."),
			Map.entry("CheckoutLink.url", "Where to send the person to pay."),
			Map.entry("ParkedView.seq", "The ledger commit whose read models kept failing."),
			Map.entry("RebuildView.commits", "Ledger commits replayed."));

	private ApiFieldDescriptions() {
	}

	static void apply(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		FIELDS.forEach((key, description) -> {
			String[] parts = key.split("\\.", 2);
			Schema<?> schema = schemas == null ? null : schemas.get(parts[0]);
			Schema<?> property = schema == null || schema.getProperties() == null ? null
					: schema.getProperties().get(parts[1]);
			if (property != null && property.getDescription() == null && property.get$ref() == null) {
				property.setDescription(description);
			}
		});
	}

}
