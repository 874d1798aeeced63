// Generated from api/openapi.json by SdkGenerator (sdks/java/src/test); do not edit.

/** An exact decimal as a string, e.g. "95.76" (credit amounts are never floats). */
export type Decimal = string;

export interface RequestOptions {
  /** Sent as Idempotency-Key where the operation takes one. */
  idempotencyKey?: string;
  /** Cancels the call (and its retries). */
  signal?: AbortSignal;
}

export interface Actor {
  id?: string;
  email?: string;
}

export interface Alert {
  /** The alert's id. */
  id?: string;
  /** An org id. */
  orgId?: string;
  type?: 'threshold' | 'cap_reached' | 'projected_exhaustion' | (string & {});
  /** Percent of the period's credits, for threshold alerts. */
  threshold?: number;
  /** Start of the billing period the alert belongs to. */
  periodStart?: string;
  /** When it fired. */
  firedAt?: string;
  /** Figures at the time (used, period credits, projection). */
  details?: Record<string, string>;
}

export interface AlertsResponse {
  alerts?: Array<Alert>;
}

export interface AutoTopUpRequest {
  /** A credit pack's lookup key from the catalog. */
  lookupKey?: string;
  /** Buy when available credits fall below this (a decimal string or number). */
  threshold?: Decimal;
  /** At most this many automatic purchases per calendar month. */
  monthlyLimit?: number;
}

export interface AutoTopUpResponse {
  enabled?: boolean;
  lookupKey?: string;
  threshold?: string;
  monthlyLimit?: number;
  purchasesThisMonth?: number;
  failures?: number;
  disabledReason?: string;
  lastFailureCode?: string;
  lastFailureAt?: string;
  purchases?: Array<PurchaseView>;
}

export interface Balance {
  /** Short name of the credit unit. */
  creditName?: string;
  /** Credits that can be spent now. */
  available?: Decimal;
  /** Credits held for running jobs. */
  held?: Decimal;
  /** Usage recorded without credits to cover it. */
  debt?: Decimal;
  periodStart?: string;
  periodEnd?: string;
  /** A credit amount as a decimal string (exact; never a float). */
  periodCredits?: Decimal;
  /** A credit amount as a decimal string (exact; never a float). */
  used?: Decimal;
  /** A credit amount as a decimal string (exact; never a float). */
  overageUsed?: Decimal;
  /** A credit amount as a decimal string (exact; never a float). */
  overCap?: Decimal;
  overageAllowed?: boolean;
  cap?: SpendCap;
  blockedReason?: string;
  grants?: Array<BalanceGrant>;
}

/** The org's balance after the batch. */
export interface BalanceAfter {
  /** A credit amount as a decimal string (exact; never a float). */
  available?: Decimal;
  /** A credit amount as a decimal string (exact; never a float). */
  held?: Decimal;
  /** A credit amount as a decimal string (exact; never a float). */
  debt?: Decimal;
}

export interface BalanceGrant {
  id?: string;
  source?: 'free_tier' | 'plan_allowance' | 'pack' | 'promo' | 'adjustment' | (string & {});
  /** A credit amount as a decimal string (exact; never a float). */
  amount?: Decimal;
  /** A credit amount as a decimal string (exact; never a float). */
  remaining?: Decimal;
  expiresAt?: string;
  grantedAt?: string;
}

export interface CatalogEntry {
  /** Stable key of the price; pass it to a checkout session. */
  lookupKey?: string;
  priceId?: string;
  productId?: string;
  /** A subscription plan or a one-time credit pack. */
  kind?: 'plan' | 'pack' | (string & {});
  tier?: string;
  name?: string;
  currency?: string;
  /** Price in the currency's minor unit (cents). */
  unitAmount?: number;
  /** Billing interval of a plan. */
  interval?: string;
  /** A credit amount as a decimal string (exact; never a float). */
  includedCredits?: Decimal;
  /** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
  overageUnitAmountDecimal?: number;
  /** A credit amount as a decimal string (exact; never a float). */
  credits?: Decimal;
  minQuantity?: number;
  maxQuantity?: number;
  features?: FeatureSet;
  perSeat?: boolean;
  trial?: Trial;
  promotionCodes?: boolean;
  currencyOptions?: Record<string, CurrencyOption>;
}

export interface CatalogResponse {
  testMode?: boolean;
  plans?: Array<CatalogEntry>;
  packs?: Array<CatalogEntry>;
  /** ISO currency code, lower case: the org's currency, or the catalog's default before its first purchase */
  currency?: string;
  /** Whether the org's currency is fixed (by its first purchase); Checkout in another is refused */
  currencyFixed?: boolean;
}

/** Either `credits`, or `meter` and `quantity`, or `feature` (and `quantity` for a limit). */
export interface CheckRequest {
  /** Credits the work would cost. */
  credits?: number | Decimal;
  /** A meter, rated with `quantity`. */
  meter?: string;
  /** Units of `meter`, or of a limited `feature` (whole, default 1). */
  quantity?: number | Decimal;
  /** A feature of the org's plan: a switch or a limit. */
  feature?: string;
}

export interface CheckResponse {
  /** Whether the work would be allowed now (advisory). */
  allowed?: boolean;
  /** Credit check: the credits asked about. */
  credits?: Decimal;
  /** Why not, when not allowed. */
  reason?: 'insufficient_credits' | 'cap_reached' | 'account_blocked' | 'feature_not_included' | 'feature_limit_reached' | (string & {});
  /** Feature check: the feature asked about. */
  feature?: string;
  /** Feature check: units of a limit asked for. */
  quantity?: number;
  /** Feature check: the plan's limit this period (limits only). */
  limit?: number;
  /** Feature check: units used this period (limits with a counter). */
  used?: number;
  /** Feature check: units left this period, never below 0. */
  remaining?: number;
}

export interface CheckoutLink {
  id?: string;
  /** Where to send the person to pay. */
  url?: string;
}

export interface CheckoutRequest {
  lookupKey?: string;
  quantity?: number;
  /** ISO currency code to pay in (one of the price's currencies); only before the org's first purchase fixes its currency */
  currency?: string;
}

export interface CommitRequest {
  /** The actual cost; may be more or less than held. */
  credits: number | Decimal;
}

export interface CreateGrant {
  /** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
  credits: number | Decimal;
  source?: 'free_tier' | 'plan_allowance' | 'pack' | 'promo' | 'adjustment' | (string & {});
  /** When unused credits expire; never when absent. */
  expiresAt?: string | Date;
  reason: string;
}

export interface CreateKey {
  name?: string;
}

export interface CreateOperator {
  email?: string;
}

export interface CreateOrg {
  name: string;
  /** IANA zone of the billing period; default UTC. */
  timeZone?: string;
}

export interface CurrencyOption {
  unitAmount?: number;
  /** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
  overageUnitAmountDecimal?: number;
}

export interface Draw {
  grantId?: string;
  /** A credit amount as a decimal string (exact; never a float). */
  credits?: Decimal;
}

export interface EnterpriseContract {
  orgId?: string;
  name?: string;
  /** A credit amount as a decimal string (exact; never a float). */
  creditsPerPeriod?: Decimal;
  /** Period of the allowance (day, week, month, year). */
  interval?: string;
  /** Intervals per period. */
  intervalCount?: number;
  /** When the first period starts. */
  anchor?: string;
  overageAllowed?: boolean;
  /** A credit amount as a decimal string (exact; never a float). */
  cap?: Decimal;
  capMode?: string;
  /** active or ended. */
  status?: string;
  startedAt?: string;
  endedAt?: string;
  currentPeriodStart?: string;
  currentPeriodEnd?: string;
  lastGrantedPeriodStart?: string;
}

export interface Entitlement {
  feature?: string;
  kind?: string;
  enabled?: boolean;
  limit?: number;
  used?: number;
  remaining?: number;
  source?: string;
}

export interface EntitlementList {
  data?: Array<Entitlement>;
}

export interface EventError {
  code?: string;
  field?: string;
  message?: string;
}

export interface EventResult {
  /** The event's key. */
  idempotencyKey?: string;
  /** What happened to the event. */
  status?: 'recorded' | 'duplicate' | 'conflict' | 'rejected' | 'invalid' | (string & {});
  /** Credits charged for it (also on a duplicate: what the first one charged). */
  credits?: Decimal;
  /** Why it was not recorded (conflict, rejected, invalid). */
  error?: EventError;
}

export interface EventsResponse {
  events?: Array<StripeEventRecord>;
}

export interface Evidence {
  url?: string;
  sha256?: string;
  summary?: string;
}

export interface FeatureSet {
  switches?: Array<string>;
  limits?: Record<string, number>;
}

export interface GrantReceipt {
  grantId?: string;
  /** A credit amount as a decimal string (exact; never a float). */
  credits?: Decimal;
  /** The Idempotency-Key was used before; nothing granted twice. */
  duplicate?: boolean;
}

/** A hold (reservation) of credits. */
export interface Hold {
  /** The hold's id. */
  id?: string;
  status?: 'held' | 'committed' | 'released' | 'expired' | (string & {});
  /** Credits held. */
  credits?: Decimal;
  /** When an uncommitted hold is released. */
  expiresAt?: string;
  /** Charged at commit. */
  charged?: Decimal;
  /** Given back at commit or release. */
  released?: Decimal;
}

export interface InvoiceSummary {
  id?: string;
  number?: string;
  status?: string;
  billingReason?: string;
  currency?: string;
  /** Total in the currency's minor unit. */
  total?: number;
  amountDue?: number;
  amountPaid?: number;
  created?: number;
  /** Stripe's page of the invoice. */
  hostedInvoiceUrl?: string;
  discount?: number;
  tax?: number;
}

export interface InvoicesResponse {
  invoices?: Array<InvoiceSummary>;
}

export interface IssuedApiKey {
  /** The key's id (to revoke it). */
  id?: string;
  /** The secret key, `<tag>_sk_...`; shown only in this answer. */
  key?: string;
  /** The key's visible prefix, shown in lists. */
  prefix?: string;
}

export interface LedgerEntry {
  /** The ledger commit this entry belongs to (increasing per org). */
  seq?: number;
  /** Position of the entry within its commit. */
  index?: number;
  /** When it was committed (RFC 3339). */
  at?: string;
  /** What moved credits. */
  type?: 'grant' | 'debit' | 'hold' | 'commit' | 'release' | 'expiry' | 'adjustment' | 'debt_settlement' | (string & {});
  /** The idempotency key of the operation (usage key, hold key, grant key). */
  opKey?: string;
  /** A credit amount as a decimal string (exact; never a float). */
  credits?: Decimal;
  /** The grant created, expired or adjusted. */
  grantId?: string;
  /** The hold held, committed or released. */
  holdId?: string;
  /** The meter of a usage debit. */
  meter?: string;
  /** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
  quantity?: number;
  /** Which grants a charge was drawn from. */
  draws?: Array<Draw>;
  /** A credit amount as a decimal string (exact; never a float). */
  overage?: Decimal;
  /** A credit amount as a decimal string (exact; never a float). */
  overCap?: Decimal;
  /** A credit amount as a decimal string (exact; never a float). */
  debt?: Decimal;
  /** Why (grants, adjustments). */
  reason?: string;
  /** A credit amount as a decimal string (exact; never a float). */
  availableAfter?: Decimal;
  /** A credit amount as a decimal string (exact; never a float). */
  heldAfter?: Decimal;
  /** A credit amount as a decimal string (exact; never a float). */
  debtAfter?: Decimal;
}

export interface LedgerResponse {
  entries?: Array<LedgerEntry>;
  nextCursor?: string;
}

export interface LedgerVerification {
  /** Whether every balance re-derived from the ledger matches the stored one. */
  consistent?: boolean;
  /** Commits read. */
  commits?: number;
  /** Entries read. */
  entries?: number;
  /** What did not match, for people. */
  differences?: Array<string>;
}

export interface Line {
  description?: string;
  amount?: number;
  periodStart?: number;
  periodEnd?: number;
}

export interface OperatorResponse {
  email?: string;
  setPasswordLink?: string;
  expiresAt?: string;
}

export interface Org {
  id?: string;
  name?: string;
  timeZone?: string;
  /** Credits available (the free tier). */
  available?: Decimal;
}

export interface Outcome {
  /** The product's own id of the outcome (idempotency key of the proposal). */
  id?: string;
  type?: string;
  subject?: string;
  evidence?: Evidence;
  occurredAt?: string;
  status?: 'proposed' | 'approved' | 'disputed' | 'billed' | 'rejected' | 'reversed' | (string & {});
  /** The fee in credits (a JSON number). */
  fee?: number;
  proposedAt?: string;
  approvedAt?: string;
  /** When the dispute window closes and the fee is charged. */
  windowEndsAt?: string;
  /** Every transition, oldest first. */
  audit?: Array<OutcomeAuditEntry>;
}

export interface OutcomeAuditEntry {
  at?: string;
  actorId?: string;
  actorEmail?: string;
  from?: string;
  to?: string;
  evidenceSha256?: string;
  reason?: string;
}

export interface OutcomeList {
  outcomes?: Array<Outcome>;
}

export interface OverageLine {
  description?: string;
  credits?: string;
  unitAmountDecimal?: string;
  amount?: number;
  estimate?: boolean;
}

export interface ParkedView {
  orgId?: string;
  /** The ledger commit whose read models kept failing. */
  seq?: number;
  attempts?: number;
  error?: string;
  parkedAt?: string;
}

export interface PortalSession {
  /** Where to send the person. */
  url?: string;
}

/** RFC 9457 problem details with a stable `code`. */
export interface Problem {
  /** Stable error code to branch on; new codes may be added. */
  code: 'invalid_request' | 'unauthorized' | 'forbidden' | 'role_required' | 'not_found' | 'method_not_allowed' | 'unsupported_media_type' | 'length_required' | 'payload_too_large' | 'insufficient_credits' | 'cap_reached' | 'account_blocked' | 'idempotency_conflict' | 'reservation_closed' | 'invalid_transition' | 'dispute_window_closed' | 'outcome_type_unavailable' | 'keycloak_mode' | 'on_contract' | 'contract_schedule_fixed' | 'live_subscription' | 'already_subscribed' | 'no_billing_account' | 'billing_not_configured' | 'payment_failed' | 'rate_limited' | 'throttled' | 'too_many_holds' | 'org_limit' | 'payment_provider_error' | 'payment_provider_unavailable' | 'ledger_unavailable' | 'rebuild_failed' | 'unsupported_file_type' | 'unreadable_document' | 'too_many_pages' | 'extraction_failed' | 'internal_error' | (string & {});
  /** What went wrong, for people. */
  detail?: string;
  /** The request field that was refused, for bad input. */
  field?: string;
  /** The request path. */
  instance?: string;
  /** The HTTP status. */
  status: number;
  /** The HTTP reason phrase. */
  title?: string;
  /** Always `about:blank`. */
  type?: string;
}

export interface ProposeRequest {
  id?: string;
  type?: string;
  subject?: string;
  evidence?: Evidence;
  occurredAt?: string | Date;
  actor?: Actor;
}

export interface PurchaseView {
  id?: string;
  status?: string;
  lookupKey?: string;
  credits?: string;
  amount?: number;
  currency?: string;
  paymentIntent?: string;
  failureCode?: string;
  createdAt?: string;
}

export interface PutContract {
  name?: string;
  /** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
  creditsPerPeriod?: number | Decimal;
  interval?: string;
  intervalCount?: number;
  anchor?: string | Date;
  overageAllowed?: boolean;
  /** An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way. */
  cap?: number | Decimal;
  capMode?: string;
  reason?: string;
}

export interface RebuildView {
  orgId?: string;
  /** Ledger commits replayed. */
  commits?: number;
  resolvedParked?: number;
}

export interface Replay {
  reason?: string;
}

/** Either `credits`, or `meter` and `quantity`. */
export interface ReserveRequest {
  /** Unique per hold; a repeat returns the same hold. */
  idempotencyKey?: string;
  /** Credits to hold. */
  credits?: number | Decimal;
  /** A meter, rated with `quantity`. */
  meter?: string;
  /** Units of `meter`. */
  quantity?: number | Decimal;
  /** Seconds until an uncommitted hold is released; default 900, at most 86400. */
  ttlSeconds?: number;
}

export interface SeatStatus {
  perSeat?: boolean;
  paid?: number;
  limit?: number;
  used?: number;
}

export interface SeatsRequest {
  seats?: number;
}

export interface SetCap {
  /** Overage allowed per period; absent clears the cap. */
  credits?: number | Decimal;
  mode?: 'hard' | 'soft' | (string & {});
  reason?: string;
}

export interface SpendCap {
  /** A credit amount as a decimal string (exact; never a float). */
  credits?: Decimal;
  mode?: 'hard' | 'soft' | (string & {});
}

export interface StripeEventRecord {
  id?: string;
  type?: string;
  orgId?: string;
  receivedAt?: string;
  /** processed, failed or ignored. */
  status?: string;
  processedAt?: string;
  error?: string;
  /** Failed processing attempts. */
  failures?: number;
}

export interface SubscriptionResponse {
  subscription?: SubscriptionView;
  contract?: EnterpriseContract;
}

export interface SubscriptionView {
  id?: string;
  /** Stripe's subscription status (active, past_due, canceled, ...). */
  status?: string;
  /** The plan's lookup key. */
  lookupKey?: string;
  tier?: string;
  priceId?: string;
  /** A credit amount as a decimal string (exact; never a float). */
  includedCredits?: Decimal;
  overageAllowed?: boolean;
  currentPeriodStart?: string;
  currentPeriodEnd?: string;
  cancelAtPeriodEnd?: boolean;
  /** Since when a payment is missing. */
  pastDueSince?: string;
  features?: FeatureSet;
  quantity?: number;
  perSeat?: boolean;
  trialEnd?: string;
}

export interface TransitionRequest {
  /** The person acting (checked against the type's roles). */
  actor?: Actor;
  reason?: string;
  /** For resolve. */
  resolution?: 'upheld' | 'rejected' | (string & {});
}

export interface Trial {
  days?: number;
  cardRequired?: boolean;
  /** A credit amount as a decimal string (exact; never a float). */
  credits?: Decimal;
}

export interface UpcomingInvoiceResponse {
  subscription?: string;
  currency?: string;
  periodStart?: number;
  periodEnd?: number;
  nextPaymentAttempt?: number;
  lines?: Array<Line>;
  subtotal?: number;
  total?: number;
  amountDue?: number;
  estimatedOverage?: OverageLine;
  estimatedTotal?: number;
}

export interface UsageBatchRequest {
  /** The events; each is checked on its own (a bad one is `invalid`, the rest are recorded). */
  events: Array<UsageEvent>;
  /** Refuse (`rejected`) events the org cannot fund instead of recording them as debt or overage. */
  enforce?: boolean;
}

export interface UsageBatchResponse {
  results?: Array<EventResult>;
  balance?: BalanceAfter;
}

/** Credits charged in one hour or day, per meter or property value. */
export interface UsageBucket {
  /** Start of the hour or day (in the org's time zone for days). */
  start?: string;
  credits?: Record<string, Decimal>;
  /** A credit amount as a decimal string (exact; never a float). */
  total?: Decimal;
}

/** One usage event. */
export interface UsageEvent {
  /** Unique per org; a repeat with the same meter and quantity is a `duplicate`, never charged twice. */
  idempotencyKey?: string;
  /** A meter of the product's value metric. */
  meter: string;
  /** How many units; rated at the meter's rate and rounded up to the credit scale. */
  quantity: number | Decimal;
  /** When it happened (RFC 3339); default now. At most 35 days old, 5 minutes ahead. */
  occurredAt?: string | Date;
  /** Short string (or number) values, e.g. `operation`; rolled-up ones can be grouped by. */
  properties?: Record<string, string>;
}

export interface UsageSummary {
  from?: string;
  to?: string;
  granularity?: string;
  groupBy?: string;
  creditName?: string;
  /** A credit amount as a decimal string (exact; never a float). */
  total?: Decimal;
  buckets?: Array<UsageBucket>;
}

/** The API's operations, one method each (generated). */
export interface GeneratedOperations {
  /** Approve: the fee is held until the dispute window closes (`POST /api/v1/outcomes/{id}/approve`) */
  approveOutcome(id: string, body: TransitionRequest, options?: RequestOptions): Promise<Outcome>;
  /** Would this many credits (or this meter and quantity) be allowed now, or does the plan include this feature? (`POST /api/v1/entitlements/check`) */
  checkEntitlement(body: CheckRequest, options?: RequestOptions): Promise<CheckResponse>;
  /** Charge the actual cost of a held job and release the rest (`POST /api/v1/reservations/{id}/commit`) */
  commitHold(id: string, body: CommitRequest, options?: RequestOptions): Promise<Hold>;
  /** Issue an API key (shown once) (`POST /api/v1/operator/orgs/{id}/api-keys`) */
  createApiKey(id: string, body: CreateKey, options?: RequestOptions): Promise<IssuedApiKey>;
  /** A Stripe Checkout link for a plan or pack (`POST /api/v1/billing/checkout-sessions`) */
  createCheckoutSession(body: CheckoutRequest, options?: RequestOptions): Promise<CheckoutLink>;
  /** Hold credits for a job of unknown cost (`POST /api/v1/reservations`) */
  createHold(body: ReserveRequest, options?: RequestOptions): Promise<Hold>;
  /** Create or promote a local operator account (`POST /api/v1/operator/operators`) */
  createOperator(body: CreateOperator, options?: RequestOptions): Promise<OperatorResponse>;
  /** Create an org (with the product's free tier) (`POST /api/v1/operator/orgs`) */
  createOrg(body: CreateOrg, options?: RequestOptions): Promise<Org>;
  /** A Stripe Billing Portal link (`POST /api/v1/billing/portal-sessions`) */
  createPortalSession(options?: RequestOptions): Promise<PortalSession>;
  /** Turn automatic top-up off (`DELETE /api/v1/billing/auto-top-up`) */
  disableAutoTopUp(options?: RequestOptions): Promise<AutoTopUpResponse>;
  /** Dispute an approved outcome within its window (`POST /api/v1/outcomes/{id}/dispute`) */
  disputeOutcome(id: string, body: TransitionRequest, options?: RequestOptions): Promise<Outcome>;
  /** End the enterprise contract (`DELETE /api/v1/operator/orgs/{id}/contract`) */
  endContract(id: string, query?: { reason?: string }, options?: RequestOptions): Promise<EnterpriseContract>;
  /** The org's automatic top-up settings and state (`GET /api/v1/billing/auto-top-up`) */
  getAutoTopUp(options?: RequestOptions): Promise<AutoTopUpResponse>;
  /** The org's balance, period, cap and grants (`GET /api/v1/balance`) */
  getBalance(options?: RequestOptions): Promise<Balance>;
  /** Plans and credit packs on sale (`GET /api/v1/billing/catalog`) */
  getCatalog(options?: RequestOptions): Promise<CatalogResponse>;
  /** The org's enterprise contract (`GET /api/v1/operator/orgs/{id}/contract`) */
  getContract(id: string, options?: RequestOptions): Promise<EnterpriseContract>;
  /** One outcome with its audit trail (`GET /api/v1/outcomes/{id}`) */
  getOutcome(id: string, options?: RequestOptions): Promise<Outcome>;
  /** Seats of a per-seat plan: paid, taken, allowed (`GET /api/v1/billing/seats`) */
  getSeats(options?: RequestOptions): Promise<SeatStatus>;
  /** The org's subscription and enterprise contract (`GET /api/v1/billing/subscription`) */
  getSubscription(options?: RequestOptions): Promise<SubscriptionResponse>;
  /** Stripe's preview of the next invoice plus the overage expected at period end (an estimate) (`GET /api/v1/billing/upcoming-invoice`) */
  getUpcomingInvoice(options?: RequestOptions): Promise<UpcomingInvoiceResponse>;
  /** Grant credits (`POST /api/v1/operator/orgs/{id}/grants`) */
  grantCredits(id: string, body: CreateGrant, options?: RequestOptions): Promise<GrantReceipt>;
  /** Fired alerts, newest first (`GET /api/v1/alerts`) */
  listAlerts(query?: { limit?: number }, options?: RequestOptions): Promise<AlertsResponse>;
  /** The org's features with their limits and current use (`GET /api/v1/entitlements`) */
  listEntitlements(options?: RequestOptions): Promise<EntitlementList>;
  /** The org's invoices, newest first (`GET /api/v1/billing/invoices`) */
  listInvoices(query?: { limit?: number }, options?: RequestOptions): Promise<InvoicesResponse>;
  /** Ledger entries, newest first, paged (`GET /api/v1/ledger`) */
  listLedgerEntries(query?: { limit?: number; cursor?: string }, options?: RequestOptions): Promise<LedgerResponse>;
  /** Outcomes, newest first (`GET /api/v1/outcomes`) */
  listOutcomes(query?: { status?: string; type?: string; limit?: number }, options?: RequestOptions): Promise<OutcomeList>;
  /** Ledger commits whose read models were parked (`GET /api/v1/operator/projections/parked`) */
  listParkedProjections(query?: { limit?: number }, options?: RequestOptions): Promise<Array<ParkedView>>;
  /** The org's Stripe event log (`GET /api/v1/operator/orgs/{id}/stripe-events`) */
  listStripeEvents(id: string, query?: { limit?: number }, options?: RequestOptions): Promise<EventsResponse>;
  /** Propose an outcome (idempotent on its id) (`POST /api/v1/outcomes`) */
  proposeOutcome(body: ProposeRequest, options?: RequestOptions): Promise<Outcome>;
  /** Create or change the enterprise contract (`PUT /api/v1/operator/orgs/{id}/contract`) */
  putContract(id: string, body: PutContract, options?: RequestOptions): Promise<EnterpriseContract>;
  /** Rebuild an org's rollups and read models from its ledger (`POST /api/v1/operator/orgs/{id}/rollups/rebuild`) */
  rebuildReadModels(id: string, options?: RequestOptions): Promise<RebuildView>;
  /** Record a batch of usage events, exactly once per idempotency key (`POST /api/v1/usage`) */
  recordUsage(body: UsageBatchRequest, options?: RequestOptions): Promise<UsageBatchResponse>;
  /** Release a hold without charging (`POST /api/v1/reservations/{id}/release`) */
  releaseHold(id: string, options?: RequestOptions): Promise<Hold>;
  /** Replay one Stripe event (`POST /api/v1/operator/orgs/{id}/stripe-events/{eventId}/replay`) */
  replayStripeEvent(id: string, eventId: string, body?: Replay, options?: RequestOptions): Promise<StripeEventRecord>;
  /** Resolve a dispute (upheld or rejected) (`POST /api/v1/outcomes/{id}/resolve`) */
  resolveOutcome(id: string, body: TransitionRequest, options?: RequestOptions): Promise<Outcome>;
  /** Reverse a billed outcome (credits given back) (`POST /api/v1/outcomes/{id}/reverse`) */
  reverseOutcome(id: string, body: TransitionRequest, options?: RequestOptions): Promise<Outcome>;
  /** Turn automatic top-up on or change it: a pack bought when available credits fall below a threshold (`PUT /api/v1/billing/auto-top-up`) */
  setAutoTopUp(body: AutoTopUpRequest, options?: RequestOptions): Promise<AutoTopUpResponse>;
  /** Set the paid seats: more are prorated now, fewer apply from the next period (`PUT /api/v1/billing/seats`) */
  setSeats(body: SeatsRequest, options?: RequestOptions): Promise<SeatStatus>;
  /** Set or clear the spend cap (`PUT /api/v1/operator/orgs/{id}/cap`) */
  setSpendCap(id: string, body: SetCap, options?: RequestOptions): Promise<SpendCap>;
  /** Usage per hour or day from the rollups (`GET /api/v1/usage/summary`) */
  usageSummary(query: { from: string | Date; to: string | Date; granularity?: 'hour' | 'day' | (string & {}); groupBy?: string }, options?: RequestOptions): Promise<UsageSummary>;
  /** Re-derive every balance from the ledger and compare (`GET /api/v1/operator/orgs/{id}/ledger/verify`) */
  verifyLedger(id: string, options?: RequestOptions): Promise<LedgerVerification>;
}
