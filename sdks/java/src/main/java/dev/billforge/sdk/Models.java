// Generated from api/openapi.json by SdkGenerator (sdks/java/src/test); do not edit.
package dev.billforge.sdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The API's request and response bodies. Credit amounts are {@link BigDecimal} (exact); unknown
 * fields from a newer server are ignored; absent fields are null.
 */
public final class Models {

	private Models() {
	}

	/** Actor */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Actor(
			@JsonProperty("id") String id,
			@JsonProperty("email") String email) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link Actor}; unset fields are absent (null). */
		public static final class Builder {

			private String id;

			private String email;

			private Builder() {
			}

			public Builder id(String id) {
				this.id = id;
				return this;
			}

			public Builder email(String email) {
				this.email = email;
				return this;
			}

			public Actor build() {
				return new Actor(id, email);
			}

		}

	}

	/** Alert */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Alert(
			/** The alert's id. */
			@JsonProperty("id") String id,
			/** An org id. */
			@JsonProperty("orgId") String orgId,
			@JsonProperty("type") String type,
			/** Percent of the period's credits, for threshold alerts. */
			@JsonProperty("threshold") Integer threshold,
			/** Start of the billing period the alert belongs to. */
			@JsonProperty("periodStart") Instant periodStart,
			/** When it fired. */
			@JsonProperty("firedAt") Instant firedAt,
			/** Figures at the time (used, period credits, projection). */
			@JsonProperty("details") Map<String, String> details) {
	}

	/** AlertsResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record AlertsResponse(
			@JsonProperty("alerts") List<Models.Alert> alerts) {
	}

	/** AutoTopUpRequest */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record AutoTopUpRequest(
			/** A credit pack's lookup key from the catalog. */
			@JsonProperty("lookupKey") String lookupKey,
			/** Buy when available credits fall below this (a decimal string or number). */
			@JsonProperty("threshold") BigDecimal threshold,
			/** At most this many automatic purchases per calendar month. */
			@JsonProperty("monthlyLimit") Integer monthlyLimit) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link AutoTopUpRequest}; unset fields are absent (null). */
		public static final class Builder {

			private String lookupKey;

			private BigDecimal threshold;

			private Integer monthlyLimit;

			private Builder() {
			}

			public Builder lookupKey(String lookupKey) {
				this.lookupKey = lookupKey;
				return this;
			}

			public Builder threshold(BigDecimal threshold) {
				this.threshold = threshold;
				return this;
			}

			public Builder monthlyLimit(Integer monthlyLimit) {
				this.monthlyLimit = monthlyLimit;
				return this;
			}

			public AutoTopUpRequest build() {
				return new AutoTopUpRequest(lookupKey, threshold, monthlyLimit);
			}

		}

	}

	/** AutoTopUpResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record AutoTopUpResponse(
			@JsonProperty("enabled") Boolean enabled,
			@JsonProperty("lookupKey") String lookupKey,
			@JsonProperty("threshold") String threshold,
			@JsonProperty("monthlyLimit") Integer monthlyLimit,
			@JsonProperty("purchasesThisMonth") Long purchasesThisMonth,
			@JsonProperty("failures") Integer failures,
			@JsonProperty("disabledReason") String disabledReason,
			@JsonProperty("lastFailureCode") String lastFailureCode,
			@JsonProperty("lastFailureAt") Instant lastFailureAt,
			@JsonProperty("purchases") List<Models.PurchaseView> purchases) {
	}

	/** Balance */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Balance(
			/** Short name of the credit unit. */
			@JsonProperty("creditName") String creditName,
			/** Credits that can be spent now. */
			@JsonProperty("available") BigDecimal available,
			/** Credits held for running jobs. */
			@JsonProperty("held") BigDecimal held,
			/** Usage recorded without credits to cover it. */
			@JsonProperty("debt") BigDecimal debt,
			@JsonProperty("periodStart") Instant periodStart,
			@JsonProperty("periodEnd") Instant periodEnd,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("periodCredits") BigDecimal periodCredits,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("used") BigDecimal used,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("overageUsed") BigDecimal overageUsed,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("overCap") BigDecimal overCap,
			@JsonProperty("overageAllowed") Boolean overageAllowed,
			@JsonProperty("cap") Models.SpendCap cap,
			@JsonProperty("blockedReason") String blockedReason,
			@JsonProperty("grants") List<Models.BalanceGrant> grants) {
	}

	/** The org's balance after the batch. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record BalanceAfter(
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("available") BigDecimal available,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("held") BigDecimal held,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("debt") BigDecimal debt) {
	}

	/** BalanceGrant */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record BalanceGrant(
			@JsonProperty("id") String id,
			@JsonProperty("source") String source,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("amount") BigDecimal amount,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("remaining") BigDecimal remaining,
			@JsonProperty("expiresAt") Instant expiresAt,
			@JsonProperty("grantedAt") Instant grantedAt) {
	}

	/** CatalogEntry */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CatalogEntry(
			/** Stable key of the price; pass it to a checkout session. */
			@JsonProperty("lookupKey") String lookupKey,
			@JsonProperty("priceId") String priceId,
			@JsonProperty("productId") String productId,
			/** A subscription plan or a one-time credit pack. */
			@JsonProperty("kind") String kind,
			@JsonProperty("tier") String tier,
			@JsonProperty("name") String name,
			@JsonProperty("currency") String currency,
			/** Price in the currency's minor unit (cents). */
			@JsonProperty("unitAmount") Long unitAmount,
			/** Billing interval of a plan. */
			@JsonProperty("interval") String interval,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("includedCredits") BigDecimal includedCredits,
			/** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
			@JsonProperty("overageUnitAmountDecimal") BigDecimal overageUnitAmountDecimal,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("credits") BigDecimal credits,
			@JsonProperty("minQuantity") Integer minQuantity,
			@JsonProperty("maxQuantity") Integer maxQuantity,
			@JsonProperty("features") Models.FeatureSet features,
			@JsonProperty("perSeat") Boolean perSeat,
			@JsonProperty("trial") Models.Trial trial,
			@JsonProperty("promotionCodes") Boolean promotionCodes,
			@JsonProperty("currencyOptions") Map<String, Models.CurrencyOption> currencyOptions) {
	}

	/** CatalogResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CatalogResponse(
			@JsonProperty("testMode") Boolean testMode,
			@JsonProperty("plans") List<Models.CatalogEntry> plans,
			@JsonProperty("packs") List<Models.CatalogEntry> packs,
			/** ISO currency code, lower case: the org's currency, or the catalog's default before its first purchase */
			@JsonProperty("currency") String currency,
			/** Whether the org's currency is fixed (by its first purchase); Checkout in another is refused */
			@JsonProperty("currencyFixed") Boolean currencyFixed) {
	}

	/** Either `credits`, or `meter` and `quantity`, or `feature` (and `quantity` for a limit). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CheckRequest(
			/** Credits the work would cost. */
			@JsonProperty("credits") BigDecimal credits,
			/** A meter, rated with `quantity`. */
			@JsonProperty("meter") String meter,
			/** Units of `meter`, or of a limited `feature` (whole, default 1). */
			@JsonProperty("quantity") BigDecimal quantity,
			/** A feature of the org's plan: a switch or a limit. */
			@JsonProperty("feature") String feature) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link CheckRequest}; unset fields are absent (null). */
		public static final class Builder {

			private BigDecimal credits;

			private String meter;

			private BigDecimal quantity;

			private String feature;

			private Builder() {
			}

			public Builder credits(BigDecimal credits) {
				this.credits = credits;
				return this;
			}

			public Builder meter(String meter) {
				this.meter = meter;
				return this;
			}

			public Builder quantity(BigDecimal quantity) {
				this.quantity = quantity;
				return this;
			}

			public Builder feature(String feature) {
				this.feature = feature;
				return this;
			}

			public CheckRequest build() {
				return new CheckRequest(credits, meter, quantity, feature);
			}

		}

	}

	/** CheckResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CheckResponse(
			/** Whether the work would be allowed now (advisory). */
			@JsonProperty("allowed") Boolean allowed,
			/** Credit check: the credits asked about. */
			@JsonProperty("credits") BigDecimal credits,
			/** Why not, when not allowed. */
			@JsonProperty("reason") String reason,
			/** Feature check: the feature asked about. */
			@JsonProperty("feature") String feature,
			/** Feature check: units of a limit asked for. */
			@JsonProperty("quantity") Long quantity,
			/** Feature check: the plan's limit this period (limits only). */
			@JsonProperty("limit") Long limit,
			/** Feature check: units used this period (limits with a counter). */
			@JsonProperty("used") Long used,
			/** Feature check: units left this period, never below 0. */
			@JsonProperty("remaining") Long remaining) {
	}

	/** CheckoutLink */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CheckoutLink(
			@JsonProperty("id") String id,
			/** Where to send the person to pay. */
			@JsonProperty("url") String url) {
	}

	/** CheckoutRequest */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CheckoutRequest(
			@JsonProperty("lookupKey") String lookupKey,
			@JsonProperty("quantity") Integer quantity,
			/** ISO currency code to pay in (one of the price's currencies); only before the org's first purchase fixes its currency */
			@JsonProperty("currency") String currency) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link CheckoutRequest}; unset fields are absent (null). */
		public static final class Builder {

			private String lookupKey;

			private Integer quantity;

			private String currency;

			private Builder() {
			}

			public Builder lookupKey(String lookupKey) {
				this.lookupKey = lookupKey;
				return this;
			}

			public Builder quantity(Integer quantity) {
				this.quantity = quantity;
				return this;
			}

			public Builder currency(String currency) {
				this.currency = currency;
				return this;
			}

			public CheckoutRequest build() {
				return new CheckoutRequest(lookupKey, quantity, currency);
			}

		}

	}

	/** CommitRequest */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CommitRequest(
			/** The actual cost; may be more or less than held. */
			@JsonProperty("credits") BigDecimal credits) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link CommitRequest}; unset fields are absent (null). */
		public static final class Builder {

			private BigDecimal credits;

			private Builder() {
			}

			public Builder credits(BigDecimal credits) {
				this.credits = credits;
				return this;
			}

			public CommitRequest build() {
				return new CommitRequest(credits);
			}

		}

	}

	/** CreateGrant */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CreateGrant(
			/** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
			@JsonProperty("credits") BigDecimal credits,
			@JsonProperty("source") String source,
			/** When unused credits expire; never when absent. */
			@JsonProperty("expiresAt") Instant expiresAt,
			@JsonProperty("reason") String reason) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link CreateGrant}; unset fields are absent (null). */
		public static final class Builder {

			private BigDecimal credits;

			private String source;

			private Instant expiresAt;

			private String reason;

			private Builder() {
			}

			public Builder credits(BigDecimal credits) {
				this.credits = credits;
				return this;
			}

			public Builder source(String source) {
				this.source = source;
				return this;
			}

			public Builder expiresAt(Instant expiresAt) {
				this.expiresAt = expiresAt;
				return this;
			}

			public Builder reason(String reason) {
				this.reason = reason;
				return this;
			}

			public CreateGrant build() {
				return new CreateGrant(credits, source, expiresAt, reason);
			}

		}

	}

	/** CreateKey */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CreateKey(
			@JsonProperty("name") String name) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link CreateKey}; unset fields are absent (null). */
		public static final class Builder {

			private String name;

			private Builder() {
			}

			public Builder name(String name) {
				this.name = name;
				return this;
			}

			public CreateKey build() {
				return new CreateKey(name);
			}

		}

	}

	/** CreateOperator */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CreateOperator(
			@JsonProperty("email") String email) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link CreateOperator}; unset fields are absent (null). */
		public static final class Builder {

			private String email;

			private Builder() {
			}

			public Builder email(String email) {
				this.email = email;
				return this;
			}

			public CreateOperator build() {
				return new CreateOperator(email);
			}

		}

	}

	/** CreateOrg */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CreateOrg(
			@JsonProperty("name") String name,
			/** IANA zone of the billing period; default UTC. */
			@JsonProperty("timeZone") String timeZone) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link CreateOrg}; unset fields are absent (null). */
		public static final class Builder {

			private String name;

			private String timeZone;

			private Builder() {
			}

			public Builder name(String name) {
				this.name = name;
				return this;
			}

			public Builder timeZone(String timeZone) {
				this.timeZone = timeZone;
				return this;
			}

			public CreateOrg build() {
				return new CreateOrg(name, timeZone);
			}

		}

	}

	/** CurrencyOption */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CurrencyOption(
			@JsonProperty("unitAmount") Long unitAmount,
			/** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
			@JsonProperty("overageUnitAmountDecimal") BigDecimal overageUnitAmountDecimal) {
	}

	/** Draw */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Draw(
			@JsonProperty("grantId") String grantId,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("credits") BigDecimal credits) {
	}

	/** EnterpriseContract */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record EnterpriseContract(
			@JsonProperty("orgId") String orgId,
			@JsonProperty("name") String name,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("creditsPerPeriod") BigDecimal creditsPerPeriod,
			/** Period of the allowance (day, week, month, year). */
			@JsonProperty("interval") String interval,
			/** Intervals per period. */
			@JsonProperty("intervalCount") Integer intervalCount,
			/** When the first period starts. */
			@JsonProperty("anchor") Instant anchor,
			@JsonProperty("overageAllowed") Boolean overageAllowed,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("cap") BigDecimal cap,
			@JsonProperty("capMode") String capMode,
			/** active or ended. */
			@JsonProperty("status") String status,
			@JsonProperty("startedAt") Instant startedAt,
			@JsonProperty("endedAt") Instant endedAt,
			@JsonProperty("currentPeriodStart") Instant currentPeriodStart,
			@JsonProperty("currentPeriodEnd") Instant currentPeriodEnd,
			@JsonProperty("lastGrantedPeriodStart") Instant lastGrantedPeriodStart) {
	}

	/** Entitlement */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Entitlement(
			@JsonProperty("feature") String feature,
			@JsonProperty("kind") String kind,
			@JsonProperty("enabled") Boolean enabled,
			@JsonProperty("limit") Long limit,
			@JsonProperty("used") Long used,
			@JsonProperty("remaining") Long remaining,
			@JsonProperty("source") String source) {
	}

	/** EntitlementList */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record EntitlementList(
			@JsonProperty("data") List<Models.Entitlement> data) {
	}

	/** EventError */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record EventError(
			@JsonProperty("code") String code,
			@JsonProperty("field") String field,
			@JsonProperty("message") String message) {
	}

	/** EventResult */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record EventResult(
			/** The event's key. */
			@JsonProperty("idempotencyKey") String idempotencyKey,
			/** What happened to the event. */
			@JsonProperty("status") String status,
			/** Credits charged for it (also on a duplicate: what the first one charged). */
			@JsonProperty("credits") BigDecimal credits,
			/** Why it was not recorded (conflict, rejected, invalid). */
			@JsonProperty("error") Models.EventError error) {
	}

	/** EventsResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record EventsResponse(
			@JsonProperty("events") List<Models.StripeEventRecord> events) {
	}

	/** Evidence */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Evidence(
			@JsonProperty("url") String url,
			@JsonProperty("sha256") String sha256,
			@JsonProperty("summary") String summary) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link Evidence}; unset fields are absent (null). */
		public static final class Builder {

			private String url;

			private String sha256;

			private String summary;

			private Builder() {
			}

			public Builder url(String url) {
				this.url = url;
				return this;
			}

			public Builder sha256(String sha256) {
				this.sha256 = sha256;
				return this;
			}

			public Builder summary(String summary) {
				this.summary = summary;
				return this;
			}

			public Evidence build() {
				return new Evidence(url, sha256, summary);
			}

		}

	}

	/** FeatureSet */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record FeatureSet(
			@JsonProperty("switches") List<String> switches,
			@JsonProperty("limits") Map<String, Long> limits) {
	}

	/** GrantReceipt */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record GrantReceipt(
			@JsonProperty("grantId") String grantId,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("credits") BigDecimal credits,
			/** The Idempotency-Key was used before; nothing granted twice. */
			@JsonProperty("duplicate") Boolean duplicate) {
	}

	/** A hold (reservation) of credits. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Hold(
			/** The hold's id. */
			@JsonProperty("id") String id,
			@JsonProperty("status") String status,
			/** Credits held. */
			@JsonProperty("credits") BigDecimal credits,
			/** When an uncommitted hold is released. */
			@JsonProperty("expiresAt") Instant expiresAt,
			/** Charged at commit. */
			@JsonProperty("charged") BigDecimal charged,
			/** Given back at commit or release. */
			@JsonProperty("released") BigDecimal released) {
	}

	/** InvoiceSummary */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record InvoiceSummary(
			@JsonProperty("id") String id,
			@JsonProperty("number") String number,
			@JsonProperty("status") String status,
			@JsonProperty("billingReason") String billingReason,
			@JsonProperty("currency") String currency,
			/** Total in the currency's minor unit. */
			@JsonProperty("total") Long total,
			@JsonProperty("amountDue") Long amountDue,
			@JsonProperty("amountPaid") Long amountPaid,
			@JsonProperty("created") Long created,
			/** Stripe's page of the invoice. */
			@JsonProperty("hostedInvoiceUrl") String hostedInvoiceUrl,
			@JsonProperty("discount") Long discount,
			@JsonProperty("tax") Long tax) {
	}

	/** InvoicesResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record InvoicesResponse(
			@JsonProperty("invoices") List<Models.InvoiceSummary> invoices) {
	}

	/** IssuedApiKey */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record IssuedApiKey(
			/** The key's id (to revoke it). */
			@JsonProperty("id") String id,
			/** The secret key, `<tag>_sk_...`; shown only in this answer. */
			@JsonProperty("key") String key,
			/** The key's visible prefix, shown in lists. */
			@JsonProperty("prefix") String prefix) {
	}

	/** LedgerEntry */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record LedgerEntry(
			/** The ledger commit this entry belongs to (increasing per org). */
			@JsonProperty("seq") Long seq,
			/** Position of the entry within its commit. */
			@JsonProperty("index") Integer index,
			/** When it was committed (RFC 3339). */
			@JsonProperty("at") Instant at,
			/** What moved credits. */
			@JsonProperty("type") String type,
			/** The idempotency key of the operation (usage key, hold key, grant key). */
			@JsonProperty("opKey") String opKey,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("credits") BigDecimal credits,
			/** The grant created, expired or adjusted. */
			@JsonProperty("grantId") String grantId,
			/** The hold held, committed or released. */
			@JsonProperty("holdId") String holdId,
			/** The meter of a usage debit. */
			@JsonProperty("meter") String meter,
			/** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
			@JsonProperty("quantity") BigDecimal quantity,
			/** Which grants a charge was drawn from. */
			@JsonProperty("draws") List<Models.Draw> draws,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("overage") BigDecimal overage,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("overCap") BigDecimal overCap,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("debt") BigDecimal debt,
			/** Why (grants, adjustments). */
			@JsonProperty("reason") String reason,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("availableAfter") BigDecimal availableAfter,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("heldAfter") BigDecimal heldAfter,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("debtAfter") BigDecimal debtAfter) {
	}

	/** LedgerResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record LedgerResponse(
			@JsonProperty("entries") List<Models.LedgerEntry> entries,
			@JsonProperty("nextCursor") String nextCursor) {
	}

	/** LedgerVerification */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record LedgerVerification(
			/** Whether every balance re-derived from the ledger matches the stored one. */
			@JsonProperty("consistent") Boolean consistent,
			/** Commits read. */
			@JsonProperty("commits") Long commits,
			/** Entries read. */
			@JsonProperty("entries") Long entries,
			/** What did not match, for people. */
			@JsonProperty("differences") List<String> differences) {
	}

	/** Line */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Line(
			@JsonProperty("description") String description,
			@JsonProperty("amount") Long amount,
			@JsonProperty("periodStart") Long periodStart,
			@JsonProperty("periodEnd") Long periodEnd) {
	}

	/** OperatorResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record OperatorResponse(
			@JsonProperty("email") String email,
			@JsonProperty("setPasswordLink") String setPasswordLink,
			@JsonProperty("expiresAt") Instant expiresAt) {
	}

	/** Org */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Org(
			@JsonProperty("id") String id,
			@JsonProperty("name") String name,
			@JsonProperty("timeZone") String timeZone,
			/** Credits available (the free tier). */
			@JsonProperty("available") BigDecimal available) {
	}

	/** Outcome */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Outcome(
			/** The product's own id of the outcome (idempotency key of the proposal). */
			@JsonProperty("id") String id,
			@JsonProperty("type") String type,
			@JsonProperty("subject") String subject,
			@JsonProperty("evidence") Models.Evidence evidence,
			@JsonProperty("occurredAt") Instant occurredAt,
			@JsonProperty("status") String status,
			/** The fee in credits (a JSON number). */
			@JsonProperty("fee") BigDecimal fee,
			@JsonProperty("proposedAt") Instant proposedAt,
			@JsonProperty("approvedAt") Instant approvedAt,
			/** When the dispute window closes and the fee is charged. */
			@JsonProperty("windowEndsAt") Instant windowEndsAt,
			/** Every transition, oldest first. */
			@JsonProperty("audit") List<Models.OutcomeAuditEntry> audit) {
	}

	/** OutcomeAuditEntry */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record OutcomeAuditEntry(
			@JsonProperty("at") Instant at,
			@JsonProperty("actorId") String actorId,
			@JsonProperty("actorEmail") String actorEmail,
			@JsonProperty("from") String from,
			@JsonProperty("to") String to,
			@JsonProperty("evidenceSha256") String evidenceSha256,
			@JsonProperty("reason") String reason) {
	}

	/** OutcomeList */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record OutcomeList(
			@JsonProperty("outcomes") List<Models.Outcome> outcomes) {
	}

	/** OverageLine */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record OverageLine(
			@JsonProperty("description") String description,
			@JsonProperty("credits") String credits,
			@JsonProperty("unitAmountDecimal") String unitAmountDecimal,
			@JsonProperty("amount") Long amount,
			@JsonProperty("estimate") Boolean estimate) {
	}

	/** ParkedView */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ParkedView(
			@JsonProperty("orgId") String orgId,
			/** The ledger commit whose read models kept failing. */
			@JsonProperty("seq") Long seq,
			@JsonProperty("attempts") Integer attempts,
			@JsonProperty("error") String error,
			@JsonProperty("parkedAt") Instant parkedAt) {
	}

	/** PortalSession */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PortalSession(
			/** Where to send the person. */
			@JsonProperty("url") String url) {
	}

	/** RFC 9457 problem details with a stable `code`. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Problem(
			/** Stable error code to branch on; new codes may be added. */
			@JsonProperty("code") String code,
			/** What went wrong, for people. */
			@JsonProperty("detail") String detail,
			/** The request field that was refused, for bad input. */
			@JsonProperty("field") String field,
			/** The request path. */
			@JsonProperty("instance") String instance,
			/** The HTTP status. */
			@JsonProperty("status") Integer status,
			/** The HTTP reason phrase. */
			@JsonProperty("title") String title,
			/** Always `about:blank`. */
			@JsonProperty("type") String type) {
	}

	/** ProposeRequest */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ProposeRequest(
			@JsonProperty("id") String id,
			@JsonProperty("type") String type,
			@JsonProperty("subject") String subject,
			@JsonProperty("evidence") Models.Evidence evidence,
			@JsonProperty("occurredAt") Instant occurredAt,
			@JsonProperty("actor") Models.Actor actor) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link ProposeRequest}; unset fields are absent (null). */
		public static final class Builder {

			private String id;

			private String type;

			private String subject;

			private Models.Evidence evidence;

			private Instant occurredAt;

			private Models.Actor actor;

			private Builder() {
			}

			public Builder id(String id) {
				this.id = id;
				return this;
			}

			public Builder type(String type) {
				this.type = type;
				return this;
			}

			public Builder subject(String subject) {
				this.subject = subject;
				return this;
			}

			public Builder evidence(Models.Evidence evidence) {
				this.evidence = evidence;
				return this;
			}

			public Builder occurredAt(Instant occurredAt) {
				this.occurredAt = occurredAt;
				return this;
			}

			public Builder actor(Models.Actor actor) {
				this.actor = actor;
				return this;
			}

			public ProposeRequest build() {
				return new ProposeRequest(id, type, subject, evidence, occurredAt, actor);
			}

		}

	}

	/** PurchaseView */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PurchaseView(
			@JsonProperty("id") String id,
			@JsonProperty("status") String status,
			@JsonProperty("lookupKey") String lookupKey,
			@JsonProperty("credits") String credits,
			@JsonProperty("amount") Long amount,
			@JsonProperty("currency") String currency,
			@JsonProperty("paymentIntent") String paymentIntent,
			@JsonProperty("failureCode") String failureCode,
			@JsonProperty("createdAt") Instant createdAt) {
	}

	/** PutContract */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PutContract(
			@JsonProperty("name") String name,
			/** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
			@JsonProperty("creditsPerPeriod") BigDecimal creditsPerPeriod,
			@JsonProperty("interval") String interval,
			@JsonProperty("intervalCount") Integer intervalCount,
			@JsonProperty("anchor") Instant anchor,
			@JsonProperty("overageAllowed") Boolean overageAllowed,
			/** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
			@JsonProperty("cap") BigDecimal cap,
			@JsonProperty("capMode") String capMode,
			@JsonProperty("reason") String reason) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link PutContract}; unset fields are absent (null). */
		public static final class Builder {

			private String name;

			private BigDecimal creditsPerPeriod;

			private String interval;

			private Integer intervalCount;

			private Instant anchor;

			private Boolean overageAllowed;

			private BigDecimal cap;

			private String capMode;

			private String reason;

			private Builder() {
			}

			public Builder name(String name) {
				this.name = name;
				return this;
			}

			public Builder creditsPerPeriod(BigDecimal creditsPerPeriod) {
				this.creditsPerPeriod = creditsPerPeriod;
				return this;
			}

			public Builder interval(String interval) {
				this.interval = interval;
				return this;
			}

			public Builder intervalCount(Integer intervalCount) {
				this.intervalCount = intervalCount;
				return this;
			}

			public Builder anchor(Instant anchor) {
				this.anchor = anchor;
				return this;
			}

			public Builder overageAllowed(Boolean overageAllowed) {
				this.overageAllowed = overageAllowed;
				return this;
			}

			public Builder cap(BigDecimal cap) {
				this.cap = cap;
				return this;
			}

			public Builder capMode(String capMode) {
				this.capMode = capMode;
				return this;
			}

			public Builder reason(String reason) {
				this.reason = reason;
				return this;
			}

			public PutContract build() {
				return new PutContract(name, creditsPerPeriod, interval, intervalCount, anchor, overageAllowed, cap, capMode, reason);
			}

		}

	}

	/** RebuildView */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record RebuildView(
			@JsonProperty("orgId") String orgId,
			/** Ledger commits replayed. */
			@JsonProperty("commits") Long commits,
			@JsonProperty("resolvedParked") Integer resolvedParked) {
	}

	/** Replay */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Replay(
			@JsonProperty("reason") String reason) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link Replay}; unset fields are absent (null). */
		public static final class Builder {

			private String reason;

			private Builder() {
			}

			public Builder reason(String reason) {
				this.reason = reason;
				return this;
			}

			public Replay build() {
				return new Replay(reason);
			}

		}

	}

	/** Either `credits`, or `meter` and `quantity`. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ReserveRequest(
			/** Unique per hold; a repeat returns the same hold. */
			@JsonProperty("idempotencyKey") String idempotencyKey,
			/** Credits to hold. */
			@JsonProperty("credits") BigDecimal credits,
			/** A meter, rated with `quantity`. */
			@JsonProperty("meter") String meter,
			/** Units of `meter`. */
			@JsonProperty("quantity") BigDecimal quantity,
			/** Seconds until an uncommitted hold is released; default 900, at most 86400. */
			@JsonProperty("ttlSeconds") Long ttlSeconds) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link ReserveRequest}; unset fields are absent (null). */
		public static final class Builder {

			private String idempotencyKey;

			private BigDecimal credits;

			private String meter;

			private BigDecimal quantity;

			private Long ttlSeconds;

			private Builder() {
			}

			public Builder idempotencyKey(String idempotencyKey) {
				this.idempotencyKey = idempotencyKey;
				return this;
			}

			public Builder credits(BigDecimal credits) {
				this.credits = credits;
				return this;
			}

			public Builder meter(String meter) {
				this.meter = meter;
				return this;
			}

			public Builder quantity(BigDecimal quantity) {
				this.quantity = quantity;
				return this;
			}

			public Builder ttlSeconds(Long ttlSeconds) {
				this.ttlSeconds = ttlSeconds;
				return this;
			}

			public ReserveRequest build() {
				return new ReserveRequest(idempotencyKey, credits, meter, quantity, ttlSeconds);
			}

		}

	}

	/** SeatStatus */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SeatStatus(
			@JsonProperty("perSeat") Boolean perSeat,
			@JsonProperty("paid") Long paid,
			@JsonProperty("limit") Long limit,
			@JsonProperty("used") Long used) {
	}

	/** SeatsRequest */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SeatsRequest(
			@JsonProperty("seats") Long seats) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link SeatsRequest}; unset fields are absent (null). */
		public static final class Builder {

			private Long seats;

			private Builder() {
			}

			public Builder seats(Long seats) {
				this.seats = seats;
				return this;
			}

			public SeatsRequest build() {
				return new SeatsRequest(seats);
			}

		}

	}

	/** SetCap */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SetCap(
			/** Overage allowed per period; absent clears the cap. */
			@JsonProperty("credits") BigDecimal credits,
			@JsonProperty("mode") String mode,
			@JsonProperty("reason") String reason) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link SetCap}; unset fields are absent (null). */
		public static final class Builder {

			private BigDecimal credits;

			private String mode;

			private String reason;

			private Builder() {
			}

			public Builder credits(BigDecimal credits) {
				this.credits = credits;
				return this;
			}

			public Builder mode(String mode) {
				this.mode = mode;
				return this;
			}

			public Builder reason(String reason) {
				this.reason = reason;
				return this;
			}

			public SetCap build() {
				return new SetCap(credits, mode, reason);
			}

		}

	}

	/** SpendCap */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SpendCap(
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("credits") BigDecimal credits,
			@JsonProperty("mode") String mode) {
	}

	/** StripeEventRecord */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record StripeEventRecord(
			@JsonProperty("id") String id,
			@JsonProperty("type") String type,
			@JsonProperty("orgId") String orgId,
			@JsonProperty("receivedAt") Instant receivedAt,
			/** processed, failed or ignored. */
			@JsonProperty("status") String status,
			@JsonProperty("processedAt") Instant processedAt,
			@JsonProperty("error") String error,
			/** Failed processing attempts. */
			@JsonProperty("failures") Integer failures) {
	}

	/** SubscriptionResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SubscriptionResponse(
			@JsonProperty("subscription") Models.SubscriptionView subscription,
			@JsonProperty("contract") Models.EnterpriseContract contract) {
	}

	/** SubscriptionView */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SubscriptionView(
			@JsonProperty("id") String id,
			/** Stripe's subscription status (active, past_due, canceled, ...). */
			@JsonProperty("status") String status,
			/** The plan's lookup key. */
			@JsonProperty("lookupKey") String lookupKey,
			@JsonProperty("tier") String tier,
			@JsonProperty("priceId") String priceId,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("includedCredits") BigDecimal includedCredits,
			@JsonProperty("overageAllowed") Boolean overageAllowed,
			@JsonProperty("currentPeriodStart") Instant currentPeriodStart,
			@JsonProperty("currentPeriodEnd") Instant currentPeriodEnd,
			@JsonProperty("cancelAtPeriodEnd") Boolean cancelAtPeriodEnd,
			/** Since when a payment is missing. */
			@JsonProperty("pastDueSince") Instant pastDueSince,
			@JsonProperty("features") Models.FeatureSet features,
			@JsonProperty("quantity") Long quantity,
			@JsonProperty("perSeat") Boolean perSeat,
			@JsonProperty("trialEnd") Instant trialEnd) {
	}

	/** TransitionRequest */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TransitionRequest(
			/** The person acting (checked against the type's roles). */
			@JsonProperty("actor") Models.Actor actor,
			@JsonProperty("reason") String reason,
			/** For resolve. */
			@JsonProperty("resolution") String resolution) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link TransitionRequest}; unset fields are absent (null). */
		public static final class Builder {

			private Models.Actor actor;

			private String reason;

			private String resolution;

			private Builder() {
			}

			public Builder actor(Models.Actor actor) {
				this.actor = actor;
				return this;
			}

			public Builder reason(String reason) {
				this.reason = reason;
				return this;
			}

			public Builder resolution(String resolution) {
				this.resolution = resolution;
				return this;
			}

			public TransitionRequest build() {
				return new TransitionRequest(actor, reason, resolution);
			}

		}

	}

	/** Trial */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Trial(
			@JsonProperty("days") Integer days,
			@JsonProperty("cardRequired") Boolean cardRequired,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("credits") BigDecimal credits) {
	}

	/** UpcomingInvoiceResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record UpcomingInvoiceResponse(
			@JsonProperty("subscription") String subscription,
			@JsonProperty("currency") String currency,
			@JsonProperty("periodStart") Long periodStart,
			@JsonProperty("periodEnd") Long periodEnd,
			@JsonProperty("nextPaymentAttempt") Long nextPaymentAttempt,
			@JsonProperty("lines") List<Models.Line> lines,
			@JsonProperty("subtotal") Long subtotal,
			@JsonProperty("total") Long total,
			@JsonProperty("amountDue") Long amountDue,
			@JsonProperty("estimatedOverage") Models.OverageLine estimatedOverage,
			@JsonProperty("estimatedTotal") Long estimatedTotal) {
	}

	/** UsageBatchRequest */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record UsageBatchRequest(
			/** The events; each is checked on its own (a bad one is `invalid`, the rest are recorded). */
			@JsonProperty("events") List<Models.UsageEvent> events,
			/** Refuse (`rejected`) events the org cannot fund instead of recording them as debt or overage. */
			@JsonProperty("enforce") Boolean enforce) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link UsageBatchRequest}; unset fields are absent (null). */
		public static final class Builder {

			private List<Models.UsageEvent> events;

			private Boolean enforce;

			private Builder() {
			}

			public Builder events(List<Models.UsageEvent> events) {
				this.events = events;
				return this;
			}

			public Builder enforce(Boolean enforce) {
				this.enforce = enforce;
				return this;
			}

			public UsageBatchRequest build() {
				return new UsageBatchRequest(events, enforce);
			}

		}

	}

	/** UsageBatchResponse */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record UsageBatchResponse(
			@JsonProperty("results") List<Models.EventResult> results,
			@JsonProperty("balance") Models.BalanceAfter balance) {
	}

	/** Credits charged in one hour or day, per meter or property value. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record UsageBucket(
			/** Start of the hour or day (in the org's time zone for days). */
			@JsonProperty("start") Instant start,
			@JsonProperty("credits") Map<String, BigDecimal> credits,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("total") BigDecimal total) {
	}

	/** One usage event. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record UsageEvent(
			/** Unique per org; a repeat with the same meter and quantity is a `duplicate`, never charged twice. */
			@JsonProperty("idempotencyKey") String idempotencyKey,
			/** A meter of the product's value metric. */
			@JsonProperty("meter") String meter,
			/** How many units; rated at the meter's rate and rounded up to the credit scale. */
			@JsonProperty("quantity") BigDecimal quantity,
			/** When it happened (RFC 3339); default now. At most 35 days old, 5 minutes ahead. */
			@JsonProperty("occurredAt") Instant occurredAt,
			/** Short string (or number) values, e.g. `operation`; rolled-up ones can be grouped by. */
			@JsonProperty("properties") Map<String, String> properties) {

		/** A builder: code using it keeps compiling when the API adds optional fields. */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds a {@link UsageEvent}; unset fields are absent (null). */
		public static final class Builder {

			private String idempotencyKey;

			private String meter;

			private BigDecimal quantity;

			private Instant occurredAt;

			private Map<String, String> properties;

			private Builder() {
			}

			public Builder idempotencyKey(String idempotencyKey) {
				this.idempotencyKey = idempotencyKey;
				return this;
			}

			public Builder meter(String meter) {
				this.meter = meter;
				return this;
			}

			public Builder quantity(BigDecimal quantity) {
				this.quantity = quantity;
				return this;
			}

			public Builder occurredAt(Instant occurredAt) {
				this.occurredAt = occurredAt;
				return this;
			}

			public Builder properties(Map<String, String> properties) {
				this.properties = properties;
				return this;
			}

			public UsageEvent build() {
				return new UsageEvent(idempotencyKey, meter, quantity, occurredAt, properties);
			}

		}

	}

	/** UsageSummary */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record UsageSummary(
			@JsonProperty("from") Instant from,
			@JsonProperty("to") Instant to,
			@JsonProperty("granularity") String granularity,
			@JsonProperty("groupBy") String groupBy,
			@JsonProperty("creditName") String creditName,
			/** A credit amount as a decimal string (exact; never a float). */
			@JsonProperty("total") BigDecimal total,
			@JsonProperty("buckets") List<Models.UsageBucket> buckets) {
	}

}
