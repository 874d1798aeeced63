// Generated from api/openapi.json by SdkGenerator (sdks/java/src/test); do not edit.
package dev.billforge.sdk;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;

/** The API's operations, one method each; {@link BillforgeClient} supplies the transport. */
public abstract class GeneratedOperations {

	/** Sends one call (with retries, auth and error mapping) and reads its answer as {@code type}. */
	protected abstract <T> T invoke(String method, String path, Map<String, String> pathParams,
			Map<String, Object> query, Object body, RequestOptions options, Type type);

	/** Approve: the fee is held until the dispute window closes ({@code POST /api/v1/outcomes/&#123;id&#125;/approve}). */
	public Models.Outcome approveOutcome(String id, Models.TransitionRequest body) {
		return approveOutcome(id, body, RequestOptions.none());
	}

	/** As {@link #approveOutcome}, with per-call options. */
	public Models.Outcome approveOutcome(String id, Models.TransitionRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/outcomes/{id}/approve", path, query, body, options, new TypeReference<Models.Outcome>() {
		}.getType());
	}

	/** Would this many credits (or this meter and quantity) be allowed now, or does the plan include this feature? ({@code POST /api/v1/entitlements/check}). */
	public Models.CheckResponse checkEntitlement(Models.CheckRequest body) {
		return checkEntitlement(body, RequestOptions.none());
	}

	/** As {@link #checkEntitlement}, with per-call options. */
	public Models.CheckResponse checkEntitlement(Models.CheckRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/entitlements/check", path, query, body, options, new TypeReference<Models.CheckResponse>() {
		}.getType());
	}

	/** Charge the actual cost of a held job and release the rest ({@code POST /api/v1/reservations/&#123;id&#125;/commit}). */
	public Models.Hold commitHold(String id, Models.CommitRequest body) {
		return commitHold(id, body, RequestOptions.none());
	}

	/** As {@link #commitHold}, with per-call options. */
	public Models.Hold commitHold(String id, Models.CommitRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/reservations/{id}/commit", path, query, body, options, new TypeReference<Models.Hold>() {
		}.getType());
	}

	/** Issue an API key (shown once) ({@code POST /api/v1/operator/orgs/&#123;id&#125;/api-keys}). */
	public Models.IssuedApiKey createApiKey(String id, Models.CreateKey body) {
		return createApiKey(id, body, RequestOptions.none());
	}

	/** As {@link #createApiKey}, with per-call options. */
	public Models.IssuedApiKey createApiKey(String id, Models.CreateKey body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/operator/orgs/{id}/api-keys", path, query, body, options, new TypeReference<Models.IssuedApiKey>() {
		}.getType());
	}

	/** A Stripe Checkout link for a plan or pack ({@code POST /api/v1/billing/checkout-sessions}). */
	public Models.CheckoutLink createCheckoutSession(Models.CheckoutRequest body) {
		return createCheckoutSession(body, RequestOptions.none());
	}

	/** As {@link #createCheckoutSession}, with per-call options. */
	public Models.CheckoutLink createCheckoutSession(Models.CheckoutRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/billing/checkout-sessions", path, query, body, options, new TypeReference<Models.CheckoutLink>() {
		}.getType());
	}

	/** Hold credits for a job of unknown cost ({@code POST /api/v1/reservations}). */
	public Models.Hold createHold(Models.ReserveRequest body) {
		return createHold(body, RequestOptions.none());
	}

	/** As {@link #createHold}, with per-call options. */
	public Models.Hold createHold(Models.ReserveRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/reservations", path, query, body, options, new TypeReference<Models.Hold>() {
		}.getType());
	}

	/** Create or promote a local operator account ({@code POST /api/v1/operator/operators}). */
	public Models.OperatorResponse createOperator(Models.CreateOperator body) {
		return createOperator(body, RequestOptions.none());
	}

	/** As {@link #createOperator}, with per-call options. */
	public Models.OperatorResponse createOperator(Models.CreateOperator body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/operator/operators", path, query, body, options, new TypeReference<Models.OperatorResponse>() {
		}.getType());
	}

	/** Create an org (with the product's free tier) ({@code POST /api/v1/operator/orgs}). */
	public Models.Org createOrg(Models.CreateOrg body) {
		return createOrg(body, RequestOptions.none());
	}

	/** As {@link #createOrg}, with per-call options. */
	public Models.Org createOrg(Models.CreateOrg body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/operator/orgs", path, query, body, options, new TypeReference<Models.Org>() {
		}.getType());
	}

	/** A Stripe Billing Portal link ({@code POST /api/v1/billing/portal-sessions}). */
	public Models.PortalSession createPortalSession() {
		return createPortalSession(RequestOptions.none());
	}

	/** As {@link #createPortalSession}, with per-call options. */
	public Models.PortalSession createPortalSession(RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/billing/portal-sessions", path, query, null, options, new TypeReference<Models.PortalSession>() {
		}.getType());
	}

	/** Turn automatic top-up off ({@code DELETE /api/v1/billing/auto-top-up}). */
	public Models.AutoTopUpResponse disableAutoTopUp() {
		return disableAutoTopUp(RequestOptions.none());
	}

	/** As {@link #disableAutoTopUp}, with per-call options. */
	public Models.AutoTopUpResponse disableAutoTopUp(RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("DELETE", "/api/v1/billing/auto-top-up", path, query, null, options, new TypeReference<Models.AutoTopUpResponse>() {
		}.getType());
	}

	/** Dispute an approved outcome within its window ({@code POST /api/v1/outcomes/&#123;id&#125;/dispute}). */
	public Models.Outcome disputeOutcome(String id, Models.TransitionRequest body) {
		return disputeOutcome(id, body, RequestOptions.none());
	}

	/** As {@link #disputeOutcome}, with per-call options. */
	public Models.Outcome disputeOutcome(String id, Models.TransitionRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/outcomes/{id}/dispute", path, query, body, options, new TypeReference<Models.Outcome>() {
		}.getType());
	}

	/** End the enterprise contract ({@code DELETE /api/v1/operator/orgs/&#123;id&#125;/contract}). */
	public Models.EnterpriseContract endContract(String id, String reason) {
		return endContract(id, reason, RequestOptions.none());
	}

	/** As {@link #endContract}, with per-call options. */
	public Models.EnterpriseContract endContract(String id, String reason, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("reason", reason);
		return invoke("DELETE", "/api/v1/operator/orgs/{id}/contract", path, query, null, options, new TypeReference<Models.EnterpriseContract>() {
		}.getType());
	}

	/** The org's automatic top-up settings and state ({@code GET /api/v1/billing/auto-top-up}). */
	public Models.AutoTopUpResponse getAutoTopUp() {
		return getAutoTopUp(RequestOptions.none());
	}

	/** As {@link #getAutoTopUp}, with per-call options. */
	public Models.AutoTopUpResponse getAutoTopUp(RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("GET", "/api/v1/billing/auto-top-up", path, query, null, options, new TypeReference<Models.AutoTopUpResponse>() {
		}.getType());
	}

	/** The org's balance, period, cap and grants ({@code GET /api/v1/balance}). */
	public Models.Balance getBalance() {
		return getBalance(RequestOptions.none());
	}

	/** As {@link #getBalance}, with per-call options. */
	public Models.Balance getBalance(RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("GET", "/api/v1/balance", path, query, null, options, new TypeReference<Models.Balance>() {
		}.getType());
	}

	/** Plans and credit packs on sale ({@code GET /api/v1/billing/catalog}). */
	public Models.CatalogResponse getCatalog() {
		return getCatalog(RequestOptions.none());
	}

	/** As {@link #getCatalog}, with per-call options. */
	public Models.CatalogResponse getCatalog(RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("GET", "/api/v1/billing/catalog", path, query, null, options, new TypeReference<Models.CatalogResponse>() {
		}.getType());
	}

	/** The org's enterprise contract ({@code GET /api/v1/operator/orgs/&#123;id&#125;/contract}). */
	public Models.EnterpriseContract getContract(String id) {
		return getContract(id, RequestOptions.none());
	}

	/** As {@link #getContract}, with per-call options. */
	public Models.EnterpriseContract getContract(String id, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("GET", "/api/v1/operator/orgs/{id}/contract", path, query, null, options, new TypeReference<Models.EnterpriseContract>() {
		}.getType());
	}

	/** One outcome with its audit trail ({@code GET /api/v1/outcomes/&#123;id&#125;}). */
	public Models.Outcome getOutcome(String id) {
		return getOutcome(id, RequestOptions.none());
	}

	/** As {@link #getOutcome}, with per-call options. */
	public Models.Outcome getOutcome(String id, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("GET", "/api/v1/outcomes/{id}", path, query, null, options, new TypeReference<Models.Outcome>() {
		}.getType());
	}

	/** Seats of a per-seat plan: paid, taken, allowed ({@code GET /api/v1/billing/seats}). */
	public Models.SeatStatus getSeats() {
		return getSeats(RequestOptions.none());
	}

	/** As {@link #getSeats}, with per-call options. */
	public Models.SeatStatus getSeats(RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("GET", "/api/v1/billing/seats", path, query, null, options, new TypeReference<Models.SeatStatus>() {
		}.getType());
	}

	/** The org's subscription and enterprise contract ({@code GET /api/v1/billing/subscription}). */
	public Models.SubscriptionResponse getSubscription() {
		return getSubscription(RequestOptions.none());
	}

	/** As {@link #getSubscription}, with per-call options. */
	public Models.SubscriptionResponse getSubscription(RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("GET", "/api/v1/billing/subscription", path, query, null, options, new TypeReference<Models.SubscriptionResponse>() {
		}.getType());
	}

	/** Stripe's preview of the next invoice plus the overage expected at period end (an estimate) ({@code GET /api/v1/billing/upcoming-invoice}). */
	public Models.UpcomingInvoiceResponse getUpcomingInvoice() {
		return getUpcomingInvoice(RequestOptions.none());
	}

	/** As {@link #getUpcomingInvoice}, with per-call options. */
	public Models.UpcomingInvoiceResponse getUpcomingInvoice(RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("GET", "/api/v1/billing/upcoming-invoice", path, query, null, options, new TypeReference<Models.UpcomingInvoiceResponse>() {
		}.getType());
	}

	/** Grant credits ({@code POST /api/v1/operator/orgs/&#123;id&#125;/grants}). */
	public Models.GrantReceipt grantCredits(String id, Models.CreateGrant body) {
		return grantCredits(id, body, RequestOptions.none());
	}

	/** As {@link #grantCredits}, with per-call options. */
	public Models.GrantReceipt grantCredits(String id, Models.CreateGrant body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/operator/orgs/{id}/grants", path, query, body, options, new TypeReference<Models.GrantReceipt>() {
		}.getType());
	}

	/** Fired alerts, newest first ({@code GET /api/v1/alerts}). */
	public Models.AlertsResponse listAlerts(Integer limit) {
		return listAlerts(limit, RequestOptions.none());
	}

	/** As {@link #listAlerts}, with per-call options. */
	public Models.AlertsResponse listAlerts(Integer limit, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("limit", limit);
		return invoke("GET", "/api/v1/alerts", path, query, null, options, new TypeReference<Models.AlertsResponse>() {
		}.getType());
	}

	/** The org's features with their limits and current use ({@code GET /api/v1/entitlements}). */
	public Models.EntitlementList listEntitlements() {
		return listEntitlements(RequestOptions.none());
	}

	/** As {@link #listEntitlements}, with per-call options. */
	public Models.EntitlementList listEntitlements(RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("GET", "/api/v1/entitlements", path, query, null, options, new TypeReference<Models.EntitlementList>() {
		}.getType());
	}

	/** The org's invoices, newest first ({@code GET /api/v1/billing/invoices}). */
	public Models.InvoicesResponse listInvoices(Integer limit) {
		return listInvoices(limit, RequestOptions.none());
	}

	/** As {@link #listInvoices}, with per-call options. */
	public Models.InvoicesResponse listInvoices(Integer limit, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("limit", limit);
		return invoke("GET", "/api/v1/billing/invoices", path, query, null, options, new TypeReference<Models.InvoicesResponse>() {
		}.getType());
	}

	/** Ledger entries, newest first, paged ({@code GET /api/v1/ledger}). */
	public Models.LedgerResponse listLedgerEntries(Integer limit, String cursor) {
		return listLedgerEntries(limit, cursor, RequestOptions.none());
	}

	/** As {@link #listLedgerEntries}, with per-call options. */
	public Models.LedgerResponse listLedgerEntries(Integer limit, String cursor, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("limit", limit);
		query.put("cursor", cursor);
		return invoke("GET", "/api/v1/ledger", path, query, null, options, new TypeReference<Models.LedgerResponse>() {
		}.getType());
	}

	/** Outcomes, newest first ({@code GET /api/v1/outcomes}). */
	public Models.OutcomeList listOutcomes(String status, String type, Integer limit) {
		return listOutcomes(status, type, limit, RequestOptions.none());
	}

	/** As {@link #listOutcomes}, with per-call options. */
	public Models.OutcomeList listOutcomes(String status, String type, Integer limit, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("status", status);
		query.put("type", type);
		query.put("limit", limit);
		return invoke("GET", "/api/v1/outcomes", path, query, null, options, new TypeReference<Models.OutcomeList>() {
		}.getType());
	}

	/** Ledger commits whose read models were parked ({@code GET /api/v1/operator/projections/parked}). */
	public List<Models.ParkedView> listParkedProjections(Integer limit) {
		return listParkedProjections(limit, RequestOptions.none());
	}

	/** As {@link #listParkedProjections}, with per-call options. */
	public List<Models.ParkedView> listParkedProjections(Integer limit, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("limit", limit);
		return invoke("GET", "/api/v1/operator/projections/parked", path, query, null, options, new TypeReference<List<Models.ParkedView>>() {
		}.getType());
	}

	/** The org's Stripe event log ({@code GET /api/v1/operator/orgs/&#123;id&#125;/stripe-events}). */
	public Models.EventsResponse listStripeEvents(String id, Integer limit) {
		return listStripeEvents(id, limit, RequestOptions.none());
	}

	/** As {@link #listStripeEvents}, with per-call options. */
	public Models.EventsResponse listStripeEvents(String id, Integer limit, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("limit", limit);
		return invoke("GET", "/api/v1/operator/orgs/{id}/stripe-events", path, query, null, options, new TypeReference<Models.EventsResponse>() {
		}.getType());
	}

	/** Propose an outcome (idempotent on its id) ({@code POST /api/v1/outcomes}). */
	public Models.Outcome proposeOutcome(Models.ProposeRequest body) {
		return proposeOutcome(body, RequestOptions.none());
	}

	/** As {@link #proposeOutcome}, with per-call options. */
	public Models.Outcome proposeOutcome(Models.ProposeRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/outcomes", path, query, body, options, new TypeReference<Models.Outcome>() {
		}.getType());
	}

	/** Create or change the enterprise contract ({@code PUT /api/v1/operator/orgs/&#123;id&#125;/contract}). */
	public Models.EnterpriseContract putContract(String id, Models.PutContract body) {
		return putContract(id, body, RequestOptions.none());
	}

	/** As {@link #putContract}, with per-call options. */
	public Models.EnterpriseContract putContract(String id, Models.PutContract body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("PUT", "/api/v1/operator/orgs/{id}/contract", path, query, body, options, new TypeReference<Models.EnterpriseContract>() {
		}.getType());
	}

	/** Rebuild an org's rollups and read models from its ledger ({@code POST /api/v1/operator/orgs/&#123;id&#125;/rollups/rebuild}). */
	public Models.RebuildView rebuildReadModels(String id) {
		return rebuildReadModels(id, RequestOptions.none());
	}

	/** As {@link #rebuildReadModels}, with per-call options. */
	public Models.RebuildView rebuildReadModels(String id, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/operator/orgs/{id}/rollups/rebuild", path, query, null, options, new TypeReference<Models.RebuildView>() {
		}.getType());
	}

	/** Record a batch of usage events, exactly once per idempotency key ({@code POST /api/v1/usage}). */
	public Models.UsageBatchResponse recordUsage(Models.UsageBatchRequest body) {
		return recordUsage(body, RequestOptions.none());
	}

	/** As {@link #recordUsage}, with per-call options. */
	public Models.UsageBatchResponse recordUsage(Models.UsageBatchRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/usage", path, query, body, options, new TypeReference<Models.UsageBatchResponse>() {
		}.getType());
	}

	/** Release a hold without charging ({@code POST /api/v1/reservations/&#123;id&#125;/release}). */
	public Models.Hold releaseHold(String id) {
		return releaseHold(id, RequestOptions.none());
	}

	/** As {@link #releaseHold}, with per-call options. */
	public Models.Hold releaseHold(String id, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/reservations/{id}/release", path, query, null, options, new TypeReference<Models.Hold>() {
		}.getType());
	}

	/** Replay one Stripe event ({@code POST /api/v1/operator/orgs/&#123;id&#125;/stripe-events/&#123;eventId&#125;/replay}). */
	public Models.StripeEventRecord replayStripeEvent(String id, String eventId, Models.Replay body) {
		return replayStripeEvent(id, eventId, body, RequestOptions.none());
	}

	/** As {@link #replayStripeEvent}, with per-call options. */
	public Models.StripeEventRecord replayStripeEvent(String id, String eventId, Models.Replay body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		path.put("eventId", eventId);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/operator/orgs/{id}/stripe-events/{eventId}/replay", path, query, body, options, new TypeReference<Models.StripeEventRecord>() {
		}.getType());
	}

	/** Resolve a dispute (upheld or rejected) ({@code POST /api/v1/outcomes/&#123;id&#125;/resolve}). */
	public Models.Outcome resolveOutcome(String id, Models.TransitionRequest body) {
		return resolveOutcome(id, body, RequestOptions.none());
	}

	/** As {@link #resolveOutcome}, with per-call options. */
	public Models.Outcome resolveOutcome(String id, Models.TransitionRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/outcomes/{id}/resolve", path, query, body, options, new TypeReference<Models.Outcome>() {
		}.getType());
	}

	/** Reverse a billed outcome (credits given back) ({@code POST /api/v1/outcomes/&#123;id&#125;/reverse}). */
	public Models.Outcome reverseOutcome(String id, Models.TransitionRequest body) {
		return reverseOutcome(id, body, RequestOptions.none());
	}

	/** As {@link #reverseOutcome}, with per-call options. */
	public Models.Outcome reverseOutcome(String id, Models.TransitionRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("POST", "/api/v1/outcomes/{id}/reverse", path, query, body, options, new TypeReference<Models.Outcome>() {
		}.getType());
	}

	/** Turn automatic top-up on or change it: a pack bought when available credits fall below a threshold ({@code PUT /api/v1/billing/auto-top-up}). */
	public Models.AutoTopUpResponse setAutoTopUp(Models.AutoTopUpRequest body) {
		return setAutoTopUp(body, RequestOptions.none());
	}

	/** As {@link #setAutoTopUp}, with per-call options. */
	public Models.AutoTopUpResponse setAutoTopUp(Models.AutoTopUpRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("PUT", "/api/v1/billing/auto-top-up", path, query, body, options, new TypeReference<Models.AutoTopUpResponse>() {
		}.getType());
	}

	/** Set the paid seats: more are prorated now, fewer apply from the next period ({@code PUT /api/v1/billing/seats}). */
	public Models.SeatStatus setSeats(Models.SeatsRequest body) {
		return setSeats(body, RequestOptions.none());
	}

	/** As {@link #setSeats}, with per-call options. */
	public Models.SeatStatus setSeats(Models.SeatsRequest body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("PUT", "/api/v1/billing/seats", path, query, body, options, new TypeReference<Models.SeatStatus>() {
		}.getType());
	}

	/** Set or clear the spend cap ({@code PUT /api/v1/operator/orgs/&#123;id&#125;/cap}). */
	public Models.SpendCap setSpendCap(String id, Models.SetCap body) {
		return setSpendCap(id, body, RequestOptions.none());
	}

	/** As {@link #setSpendCap}, with per-call options. */
	public Models.SpendCap setSpendCap(String id, Models.SetCap body, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("PUT", "/api/v1/operator/orgs/{id}/cap", path, query, body, options, new TypeReference<Models.SpendCap>() {
		}.getType());
	}

	/** Usage per hour or day from the rollups ({@code GET /api/v1/usage/summary}). */
	public Models.UsageSummary usageSummary(Instant from, Instant to, String granularity, String groupBy) {
		return usageSummary(from, to, granularity, groupBy, RequestOptions.none());
	}

	/** As {@link #usageSummary}, with per-call options. */
	public Models.UsageSummary usageSummary(Instant from, Instant to, String granularity, String groupBy, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("from", from);
		query.put("to", to);
		query.put("granularity", granularity);
		query.put("groupBy", groupBy);
		return invoke("GET", "/api/v1/usage/summary", path, query, null, options, new TypeReference<Models.UsageSummary>() {
		}.getType());
	}

	/** Re-derive every balance from the ledger and compare ({@code GET /api/v1/operator/orgs/&#123;id&#125;/ledger/verify}). */
	public Models.LedgerVerification verifyLedger(String id) {
		return verifyLedger(id, RequestOptions.none());
	}

	/** As {@link #verifyLedger}, with per-call options. */
	public Models.LedgerVerification verifyLedger(String id, RequestOptions options) {
		Map<String, String> path = new LinkedHashMap<>();
		path.put("id", id);
		Map<String, Object> query = new LinkedHashMap<>();
		return invoke("GET", "/api/v1/operator/orgs/{id}/ledger/verify", path, query, null, options, new TypeReference<Models.LedgerVerification>() {
		}.getType());
	}

}
