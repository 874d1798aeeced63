# Generated from api/openapi.json by SdkGenerator (sdks/java/src/test); do not edit.
from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict, List, Optional, TypedDict, Union


class Actor(TypedDict, total=False):
    """Actor"""

    id: str
    email: str


class Alert(TypedDict, total=False):
    """Alert"""

    id: str
    """The alert's id."""
    orgId: str
    """An org id."""
    type: str
    threshold: int
    """Percent of the period's credits, for threshold alerts."""
    periodStart: str
    """Start of the billing period the alert belongs to."""
    firedAt: str
    """When it fired."""
    details: Dict[str, str]
    """Figures at the time (used, period credits, projection)."""


class AlertsResponse(TypedDict, total=False):
    """AlertsResponse"""

    alerts: List[Alert]


class AutoTopUpRequest(TypedDict, total=False):
    """AutoTopUpRequest"""

    lookupKey: str
    """A credit pack's lookup key from the catalog."""
    threshold: str
    """Buy when available credits fall below this (a decimal string or number)."""
    monthlyLimit: int
    """At most this many automatic purchases per calendar month."""


class AutoTopUpResponse(TypedDict, total=False):
    """AutoTopUpResponse"""

    enabled: bool
    lookupKey: str
    threshold: str
    monthlyLimit: int
    purchasesThisMonth: int
    failures: int
    disabledReason: str
    lastFailureCode: str
    lastFailureAt: str
    purchases: List[PurchaseView]


class Balance(TypedDict, total=False):
    """Balance"""

    creditName: str
    """Short name of the credit unit."""
    available: str
    """Credits that can be spent now."""
    held: str
    """Credits held for running jobs."""
    debt: str
    """Usage recorded without credits to cover it."""
    periodStart: str
    periodEnd: str
    periodCredits: str
    """A credit amount as a decimal string (exact; never a float)."""
    used: str
    """A credit amount as a decimal string (exact; never a float)."""
    overageUsed: str
    """A credit amount as a decimal string (exact; never a float)."""
    overCap: str
    """A credit amount as a decimal string (exact; never a float)."""
    overageAllowed: bool
    cap: SpendCap
    blockedReason: str
    grants: List[BalanceGrant]


class BalanceAfter(TypedDict, total=False):
    """The org's balance after the batch."""

    available: str
    """A credit amount as a decimal string (exact; never a float)."""
    held: str
    """A credit amount as a decimal string (exact; never a float)."""
    debt: str
    """A credit amount as a decimal string (exact; never a float)."""


class BalanceGrant(TypedDict, total=False):
    """BalanceGrant"""

    id: str
    source: str
    amount: str
    """A credit amount as a decimal string (exact; never a float)."""
    remaining: str
    """A credit amount as a decimal string (exact; never a float)."""
    expiresAt: str
    grantedAt: str


class CatalogEntry(TypedDict, total=False):
    """CatalogEntry"""

    lookupKey: str
    """Stable key of the price; pass it to a checkout session."""
    priceId: str
    productId: str
    kind: str
    """A subscription plan or a one-time credit pack."""
    tier: str
    name: str
    currency: str
    unitAmount: int
    """Price in the currency's minor unit (cents)."""
    interval: str
    """Billing interval of a plan."""
    includedCredits: str
    """A credit amount as a decimal string (exact; never a float)."""
    overageUnitAmountDecimal: Union[int, Decimal, str]
    """An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way."""
    credits: str
    """A credit amount as a decimal string (exact; never a float)."""
    minQuantity: int
    maxQuantity: int
    features: FeatureSet
    perSeat: bool
    trial: Trial
    promotionCodes: bool
    currencyOptions: Dict[str, CurrencyOption]


class CatalogResponse(TypedDict, total=False):
    """CatalogResponse"""

    testMode: bool
    plans: List[CatalogEntry]
    packs: List[CatalogEntry]
    currency: str
    """ISO currency code, lower case: the org's currency, or the catalog's default before its first purchase"""
    currencyFixed: bool
    """Whether the org's currency is fixed (by its first purchase); Checkout in another is refused"""


class CheckRequest(TypedDict, total=False):
    """Either `credits`, or `meter` and `quantity`, or `feature` (and `quantity` for a limit)."""

    credits: Union[int, Decimal, str]
    """Credits the work would cost."""
    meter: str
    """A meter, rated with `quantity`."""
    quantity: Union[int, Decimal, str]
    """Units of `meter`, or of a limited `feature` (whole, default 1)."""
    feature: str
    """A feature of the org's plan: a switch or a limit."""


class CheckResponse(TypedDict, total=False):
    """CheckResponse"""

    allowed: bool
    """Whether the work would be allowed now (advisory)."""
    credits: str
    """Credit check: the credits asked about."""
    reason: str
    """Why not, when not allowed."""
    feature: str
    """Feature check: the feature asked about."""
    quantity: int
    """Feature check: units of a limit asked for."""
    limit: int
    """Feature check: the plan's limit this period (limits only)."""
    used: int
    """Feature check: units used this period (limits with a counter)."""
    remaining: int
    """Feature check: units left this period, never below 0."""


class CheckoutLink(TypedDict, total=False):
    """CheckoutLink"""

    id: str
    url: str
    """Where to send the person to pay."""


class CheckoutRequest(TypedDict, total=False):
    """CheckoutRequest"""

    lookupKey: str
    quantity: int
    currency: str
    """ISO currency code to pay in (one of the price's currencies); only before the org's first purchase fixes its currency"""


class CommitRequest(TypedDict, total=False):
    """CommitRequest"""

    credits: Union[int, Decimal, str]
    """The actual cost; may be more or less than held."""


class CreateGrant(TypedDict, total=False):
    """CreateGrant"""

    credits: Union[int, Decimal, str]
    """An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way."""
    source: str
    expiresAt: str
    """When unused credits expire; never when absent."""
    reason: str


class CreateKey(TypedDict, total=False):
    """CreateKey"""

    name: str


class CreateOperator(TypedDict, total=False):
    """CreateOperator"""

    email: str


class CreateOrg(TypedDict, total=False):
    """CreateOrg"""

    name: str
    timeZone: str
    """IANA zone of the billing period; default UTC."""


class CurrencyOption(TypedDict, total=False):
    """CurrencyOption"""

    unitAmount: int
    overageUnitAmountDecimal: Union[int, Decimal, str]
    """An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way."""


class Draw(TypedDict, total=False):
    """Draw"""

    grantId: str
    credits: str
    """A credit amount as a decimal string (exact; never a float)."""


class EnterpriseContract(TypedDict, total=False):
    """EnterpriseContract"""

    orgId: str
    name: str
    creditsPerPeriod: str
    """A credit amount as a decimal string (exact; never a float)."""
    interval: str
    """Period of the allowance (day, week, month, year)."""
    intervalCount: int
    """Intervals per period."""
    anchor: str
    """When the first period starts."""
    overageAllowed: bool
    cap: str
    """A credit amount as a decimal string (exact; never a float)."""
    capMode: str
    status: str
    """active or ended."""
    startedAt: str
    endedAt: str
    currentPeriodStart: str
    currentPeriodEnd: str
    lastGrantedPeriodStart: str


class Entitlement(TypedDict, total=False):
    """Entitlement"""

    feature: str
    kind: str
    enabled: bool
    limit: int
    used: int
    remaining: int
    source: str


class EntitlementList(TypedDict, total=False):
    """EntitlementList"""

    data: List[Entitlement]


class EventError(TypedDict, total=False):
    """EventError"""

    code: str
    field: str
    message: str


class EventResult(TypedDict, total=False):
    """EventResult"""

    idempotencyKey: str
    """The event's key."""
    status: str
    """What happened to the event."""
    credits: str
    """Credits charged for it (also on a duplicate: what the first one charged)."""
    error: EventError
    """Why it was not recorded (conflict, rejected, invalid)."""


class EventsResponse(TypedDict, total=False):
    """EventsResponse"""

    events: List[StripeEventRecord]


class Evidence(TypedDict, total=False):
    """Evidence"""

    url: str
    sha256: str
    summary: str


class FeatureSet(TypedDict, total=False):
    """FeatureSet"""

    switches: List[str]
    limits: Dict[str, int]


class GrantReceipt(TypedDict, total=False):
    """GrantReceipt"""

    grantId: str
    credits: str
    """A credit amount as a decimal string (exact; never a float)."""
    duplicate: bool
    """The Idempotency-Key was used before; nothing granted twice."""


class Hold(TypedDict, total=False):
    """A hold (reservation) of credits."""

    id: str
    """The hold's id."""
    status: str
    credits: str
    """Credits held."""
    expiresAt: str
    """When an uncommitted hold is released."""
    charged: str
    """Charged at commit."""
    released: str
    """Given back at commit or release."""


class InvoiceSummary(TypedDict, total=False):
    """InvoiceSummary"""

    id: str
    number: str
    status: str
    billingReason: str
    currency: str
    total: int
    """Total in the currency's minor unit."""
    amountDue: int
    amountPaid: int
    created: int
    hostedInvoiceUrl: str
    """Stripe's page of the invoice."""
    discount: int
    tax: int


class InvoicesResponse(TypedDict, total=False):
    """InvoicesResponse"""

    invoices: List[InvoiceSummary]


class IssuedApiKey(TypedDict, total=False):
    """IssuedApiKey"""

    id: str
    """The key's id (to revoke it)."""
    key: str
    """The secret key, `<tag>_sk_...`; shown only in this answer."""
    prefix: str
    """The key's visible prefix, shown in lists."""


class LedgerEntry(TypedDict, total=False):
    """LedgerEntry"""

    seq: int
    """The ledger commit this entry belongs to (increasing per org)."""
    index: int
    """Position of the entry within its commit."""
    at: str
    """When it was committed (RFC 3339)."""
    type: str
    """What moved credits."""
    opKey: str
    """The idempotency key of the operation (usage key, hold key, grant key)."""
    credits: str
    """A credit amount as a decimal string (exact; never a float)."""
    grantId: str
    """The grant created, expired or adjusted."""
    holdId: str
    """The hold held, committed or released."""
    meter: str
    """The meter of a usage debit."""
    quantity: Union[int, Decimal, str]
    """An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way."""
    draws: List[Draw]
    """Which grants a charge was drawn from."""
    overage: str
    """A credit amount as a decimal string (exact; never a float)."""
    overCap: str
    """A credit amount as a decimal string (exact; never a float)."""
    debt: str
    """A credit amount as a decimal string (exact; never a float)."""
    reason: str
    """Why (grants, adjustments)."""
    availableAfter: str
    """A credit amount as a decimal string (exact; never a float)."""
    heldAfter: str
    """A credit amount as a decimal string (exact; never a float)."""
    debtAfter: str
    """A credit amount as a decimal string (exact; never a float)."""


class LedgerResponse(TypedDict, total=False):
    """LedgerResponse"""

    entries: List[LedgerEntry]
    nextCursor: str


class LedgerVerification(TypedDict, total=False):
    """LedgerVerification"""

    consistent: bool
    """Whether every balance re-derived from the ledger matches the stored one."""
    commits: int
    """Commits read."""
    entries: int
    """Entries read."""
    differences: List[str]
    """What did not match, for people."""


class Line(TypedDict, total=False):
    """Line"""

    description: str
    amount: int
    periodStart: int
    periodEnd: int


class OperatorResponse(TypedDict, total=False):
    """OperatorResponse"""

    email: str
    setPasswordLink: str
    expiresAt: str


class Org(TypedDict, total=False):
    """Org"""

    id: str
    name: str
    timeZone: str
    available: str
    """Credits available (the free tier)."""


class Outcome(TypedDict, total=False):
    """Outcome"""

    id: str
    """The product's own id of the outcome (idempotency key of the proposal)."""
    type: str
    subject: str
    evidence: Evidence
    occurredAt: str
    status: str
    fee: Union[int, Decimal, str]
    """The fee in credits (a JSON number)."""
    proposedAt: str
    approvedAt: str
    windowEndsAt: str
    """When the dispute window closes and the fee is charged."""
    audit: List[OutcomeAuditEntry]
    """Every transition, oldest first."""


OutcomeAuditEntry = TypedDict("OutcomeAuditEntry", {"at": str, "actorId": str, "actorEmail": str, "from": str, "to": str, "evidenceSha256": str, "reason": str}, total=False)


class OutcomeList(TypedDict, total=False):
    """OutcomeList"""

    outcomes: List[Outcome]


class OverageLine(TypedDict, total=False):
    """OverageLine"""

    description: str
    credits: str
    unitAmountDecimal: str
    amount: int
    estimate: bool


class ParkedView(TypedDict, total=False):
    """ParkedView"""

    orgId: str
    seq: int
    """The ledger commit whose read models kept failing."""
    attempts: int
    error: str
    parkedAt: str


class PortalSession(TypedDict, total=False):
    """PortalSession"""

    url: str
    """Where to send the person."""


class Problem(TypedDict, total=False):
    """RFC 9457 problem details with a stable `code`."""

    code: str
    """Stable error code to branch on; new codes may be added."""
    detail: str
    """What went wrong, for people."""
    field: str
    """The request field that was refused, for bad input."""
    instance: str
    """The request path."""
    status: int
    """The HTTP status."""
    title: str
    """The HTTP reason phrase."""
    type: str
    """Always `about:blank`."""


class ProposeRequest(TypedDict, total=False):
    """ProposeRequest"""

    id: str
    type: str
    subject: str
    evidence: Evidence
    occurredAt: str
    actor: Actor


class PurchaseView(TypedDict, total=False):
    """PurchaseView"""

    id: str
    status: str
    lookupKey: str
    credits: str
    amount: int
    currency: str
    paymentIntent: str
    failureCode: str
    createdAt: str


class PutContract(TypedDict, total=False):
    """PutContract"""

    name: str
    creditsPerPeriod: Union[int, Decimal, str]
    """An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way."""
    interval: str
    intervalCount: int
    anchor: str
    overageAllowed: bool
    cap: Union[int, Decimal, str]
    """An exact decimal number; requests may also send it as a string ("12.5") so no float rounding happens on the way."""
    capMode: str
    reason: str


class RebuildView(TypedDict, total=False):
    """RebuildView"""

    orgId: str
    commits: int
    """Ledger commits replayed."""
    resolvedParked: int


class Replay(TypedDict, total=False):
    """Replay"""

    reason: str


class ReserveRequest(TypedDict, total=False):
    """Either `credits`, or `meter` and `quantity`."""

    idempotencyKey: str
    """Unique per hold; a repeat returns the same hold."""
    credits: Union[int, Decimal, str]
    """Credits to hold."""
    meter: str
    """A meter, rated with `quantity`."""
    quantity: Union[int, Decimal, str]
    """Units of `meter`."""
    ttlSeconds: int
    """Seconds until an uncommitted hold is released; default 900, at most 86400."""


class SeatStatus(TypedDict, total=False):
    """SeatStatus"""

    perSeat: bool
    paid: int
    limit: int
    used: int


class SeatsRequest(TypedDict, total=False):
    """SeatsRequest"""

    seats: int


class SetCap(TypedDict, total=False):
    """SetCap"""

    credits: Union[int, Decimal, str]
    """Overage allowed per period; absent clears the cap."""
    mode: str
    reason: str


class SpendCap(TypedDict, total=False):
    """SpendCap"""

    credits: str
    """A credit amount as a decimal string (exact; never a float)."""
    mode: str


class StripeEventRecord(TypedDict, total=False):
    """StripeEventRecord"""

    id: str
    type: str
    orgId: str
    receivedAt: str
    status: str
    """processed, failed or ignored."""
    processedAt: str
    error: str
    failures: int
    """Failed processing attempts."""


class SubscriptionResponse(TypedDict, total=False):
    """SubscriptionResponse"""

    subscription: SubscriptionView
    contract: EnterpriseContract


class SubscriptionView(TypedDict, total=False):
    """SubscriptionView"""

    id: str
    status: str
    """Stripe's subscription status (active, past_due, canceled, ...)."""
    lookupKey: str
    """The plan's lookup key."""
    tier: str
    priceId: str
    includedCredits: str
    """A credit amount as a decimal string (exact; never a float)."""
    overageAllowed: bool
    currentPeriodStart: str
    currentPeriodEnd: str
    cancelAtPeriodEnd: bool
    pastDueSince: str
    """Since when a payment is missing."""
    features: FeatureSet
    quantity: int
    perSeat: bool
    trialEnd: str


class TransitionRequest(TypedDict, total=False):
    """TransitionRequest"""

    actor: Actor
    """The person acting (checked against the type's roles)."""
    reason: str
    resolution: str
    """For resolve."""


class Trial(TypedDict, total=False):
    """Trial"""

    days: int
    cardRequired: bool
    credits: str
    """A credit amount as a decimal string (exact; never a float)."""


class UpcomingInvoiceResponse(TypedDict, total=False):
    """UpcomingInvoiceResponse"""

    subscription: str
    currency: str
    periodStart: int
    periodEnd: int
    nextPaymentAttempt: int
    lines: List[Line]
    subtotal: int
    total: int
    amountDue: int
    estimatedOverage: OverageLine
    estimatedTotal: int


class UsageBatchRequest(TypedDict, total=False):
    """UsageBatchRequest"""

    events: List[UsageEvent]
    """The events; each is checked on its own (a bad one is `invalid`, the rest are recorded)."""
    enforce: bool
    """Refuse (`rejected`) events the org cannot fund instead of recording them as debt or overage."""


class UsageBatchResponse(TypedDict, total=False):
    """UsageBatchResponse"""

    results: List[EventResult]
    balance: BalanceAfter


class UsageBucket(TypedDict, total=False):
    """Credits charged in one hour or day, per meter or property value."""

    start: str
    """Start of the hour or day (in the org's time zone for days)."""
    credits: Dict[str, str]
    total: str
    """A credit amount as a decimal string (exact; never a float)."""


class UsageEvent(TypedDict, total=False):
    """One usage event."""

    idempotencyKey: str
    """Unique per org; a repeat with the same meter and quantity is a `duplicate`, never charged twice."""
    meter: str
    """A meter of the product's value metric."""
    quantity: Union[int, Decimal, str]
    """How many units; rated at the meter's rate and rounded up to the credit scale."""
    occurredAt: str
    """When it happened (RFC 3339); default now. At most 35 days old, 5 minutes ahead."""
    properties: Dict[str, str]
    """Short string (or number) values, e.g. `operation`; rolled-up ones can be grouped by."""


UsageSummary = TypedDict("UsageSummary", {"from": str, "to": str, "granularity": str, "groupBy": str, "creditName": str, "total": str, "buckets": List[UsageBucket]}, total=False)


class GeneratedOperations:
    """The API's operations, one method each."""

    def _invoke(self, method: str, path: str, path_params: Dict[str, str], query: Dict[str, Any],
                body: Any, options: Dict[str, Any]) -> Any:
        raise NotImplementedError

    def approve_outcome(self, id: str, body: TransitionRequest, *, idempotency_key: Optional[str] = None) -> Outcome:
        """Approve: the fee is held until the dispute window closes (``POST /api/v1/outcomes/{id}/approve``)"""
        return self._invoke("POST", "/api/v1/outcomes/{id}/approve", {"id": id}, {}, body, {"idempotency_key": idempotency_key})

    def check_entitlement(self, body: CheckRequest, *, idempotency_key: Optional[str] = None) -> CheckResponse:
        """Would this many credits (or this meter and quantity) be allowed now, or does the plan include this feature? (``POST /api/v1/entitlements/check``)"""
        return self._invoke("POST", "/api/v1/entitlements/check", {}, {}, body, {"idempotency_key": idempotency_key})

    def commit_hold(self, id: str, body: CommitRequest, *, idempotency_key: Optional[str] = None) -> Hold:
        """Charge the actual cost of a held job and release the rest (``POST /api/v1/reservations/{id}/commit``)"""
        return self._invoke("POST", "/api/v1/reservations/{id}/commit", {"id": id}, {}, body, {"idempotency_key": idempotency_key})

    def create_api_key(self, id: str, body: CreateKey, *, idempotency_key: Optional[str] = None) -> IssuedApiKey:
        """Issue an API key (shown once) (``POST /api/v1/operator/orgs/{id}/api-keys``)"""
        return self._invoke("POST", "/api/v1/operator/orgs/{id}/api-keys", {"id": id}, {}, body, {"idempotency_key": idempotency_key})

    def create_checkout_session(self, body: CheckoutRequest, *, idempotency_key: Optional[str] = None) -> CheckoutLink:
        """A Stripe Checkout link for a plan or pack (``POST /api/v1/billing/checkout-sessions``)"""
        return self._invoke("POST", "/api/v1/billing/checkout-sessions", {}, {}, body, {"idempotency_key": idempotency_key})

    def create_hold(self, body: ReserveRequest, *, idempotency_key: Optional[str] = None) -> Hold:
        """Hold credits for a job of unknown cost (``POST /api/v1/reservations``)"""
        return self._invoke("POST", "/api/v1/reservations", {}, {}, body, {"idempotency_key": idempotency_key})

    def create_operator(self, body: CreateOperator, *, idempotency_key: Optional[str] = None) -> OperatorResponse:
        """Create or promote a local operator account (``POST /api/v1/operator/operators``)"""
        return self._invoke("POST", "/api/v1/operator/operators", {}, {}, body, {"idempotency_key": idempotency_key})

    def create_org(self, body: CreateOrg, *, idempotency_key: Optional[str] = None) -> Org:
        """Create an org (with the product's free tier) (``POST /api/v1/operator/orgs``)"""
        return self._invoke("POST", "/api/v1/operator/orgs", {}, {}, body, {"idempotency_key": idempotency_key})

    def create_portal_session(self, *, idempotency_key: Optional[str] = None) -> PortalSession:
        """A Stripe Billing Portal link (``POST /api/v1/billing/portal-sessions``)"""
        return self._invoke("POST", "/api/v1/billing/portal-sessions", {}, {}, None, {"idempotency_key": idempotency_key})

    def disable_auto_top_up(self, *, idempotency_key: Optional[str] = None) -> AutoTopUpResponse:
        """Turn automatic top-up off (``DELETE /api/v1/billing/auto-top-up``)"""
        return self._invoke("DELETE", "/api/v1/billing/auto-top-up", {}, {}, None, {"idempotency_key": idempotency_key})

    def dispute_outcome(self, id: str, body: TransitionRequest, *, idempotency_key: Optional[str] = None) -> Outcome:
        """Dispute an approved outcome within its window (``POST /api/v1/outcomes/{id}/dispute``)"""
        return self._invoke("POST", "/api/v1/outcomes/{id}/dispute", {"id": id}, {}, body, {"idempotency_key": idempotency_key})

    def end_contract(self, id: str, *, reason: Optional[str] = None, idempotency_key: Optional[str] = None) -> EnterpriseContract:
        """End the enterprise contract (``DELETE /api/v1/operator/orgs/{id}/contract``)"""
        return self._invoke("DELETE", "/api/v1/operator/orgs/{id}/contract", {"id": id}, {"reason": reason}, None, {"idempotency_key": idempotency_key})

    def get_auto_top_up(self, *, idempotency_key: Optional[str] = None) -> AutoTopUpResponse:
        """The org's automatic top-up settings and state (``GET /api/v1/billing/auto-top-up``)"""
        return self._invoke("GET", "/api/v1/billing/auto-top-up", {}, {}, None, {"idempotency_key": idempotency_key})

    def get_balance(self, *, idempotency_key: Optional[str] = None) -> Balance:
        """The org's balance, period, cap and grants (``GET /api/v1/balance``)"""
        return self._invoke("GET", "/api/v1/balance", {}, {}, None, {"idempotency_key": idempotency_key})

    def get_catalog(self, *, idempotency_key: Optional[str] = None) -> CatalogResponse:
        """Plans and credit packs on sale (``GET /api/v1/billing/catalog``)"""
        return self._invoke("GET", "/api/v1/billing/catalog", {}, {}, None, {"idempotency_key": idempotency_key})

    def get_contract(self, id: str, *, idempotency_key: Optional[str] = None) -> EnterpriseContract:
        """The org's enterprise contract (``GET /api/v1/operator/orgs/{id}/contract``)"""
        return self._invoke("GET", "/api/v1/operator/orgs/{id}/contract", {"id": id}, {}, None, {"idempotency_key": idempotency_key})

    def get_outcome(self, id: str, *, idempotency_key: Optional[str] = None) -> Outcome:
        """One outcome with its audit trail (``GET /api/v1/outcomes/{id}``)"""
        return self._invoke("GET", "/api/v1/outcomes/{id}", {"id": id}, {}, None, {"idempotency_key": idempotency_key})

    def get_seats(self, *, idempotency_key: Optional[str] = None) -> SeatStatus:
        """Seats of a per-seat plan: paid, taken, allowed (``GET /api/v1/billing/seats``)"""
        return self._invoke("GET", "/api/v1/billing/seats", {}, {}, None, {"idempotency_key": idempotency_key})

    def get_subscription(self, *, idempotency_key: Optional[str] = None) -> SubscriptionResponse:
        """The org's subscription and enterprise contract (``GET /api/v1/billing/subscription``)"""
        return self._invoke("GET", "/api/v1/billing/subscription", {}, {}, None, {"idempotency_key": idempotency_key})

    def get_upcoming_invoice(self, *, idempotency_key: Optional[str] = None) -> UpcomingInvoiceResponse:
        """Stripe's preview of the next invoice plus the overage expected at period end (an estimate) (``GET /api/v1/billing/upcoming-invoice``)"""
        return self._invoke("GET", "/api/v1/billing/upcoming-invoice", {}, {}, None, {"idempotency_key": idempotency_key})

    def grant_credits(self, id: str, body: CreateGrant, *, idempotency_key: Optional[str] = None) -> GrantReceipt:
        """Grant credits (``POST /api/v1/operator/orgs/{id}/grants``)"""
        return self._invoke("POST", "/api/v1/operator/orgs/{id}/grants", {"id": id}, {}, body, {"idempotency_key": idempotency_key})

    def list_alerts(self, *, limit: Optional[int] = None, idempotency_key: Optional[str] = None) -> AlertsResponse:
        """Fired alerts, newest first (``GET /api/v1/alerts``)"""
        return self._invoke("GET", "/api/v1/alerts", {}, {"limit": limit}, None, {"idempotency_key": idempotency_key})

    def list_entitlements(self, *, idempotency_key: Optional[str] = None) -> EntitlementList:
        """The org's features with their limits and current use (``GET /api/v1/entitlements``)"""
        return self._invoke("GET", "/api/v1/entitlements", {}, {}, None, {"idempotency_key": idempotency_key})

    def list_invoices(self, *, limit: Optional[int] = None, idempotency_key: Optional[str] = None) -> InvoicesResponse:
        """The org's invoices, newest first (``GET /api/v1/billing/invoices``)"""
        return self._invoke("GET", "/api/v1/billing/invoices", {}, {"limit": limit}, None, {"idempotency_key": idempotency_key})

    def list_ledger_entries(self, *, limit: Optional[int] = None, cursor: Optional[str] = None, idempotency_key: Optional[str] = None) -> LedgerResponse:
        """Ledger entries, newest first, paged (``GET /api/v1/ledger``)"""
        return self._invoke("GET", "/api/v1/ledger", {}, {"limit": limit, "cursor": cursor}, None, {"idempotency_key": idempotency_key})

    def list_outcomes(self, *, status: Optional[str] = None, type: Optional[str] = None, limit: Optional[int] = None, idempotency_key: Optional[str] = None) -> OutcomeList:
        """Outcomes, newest first (``GET /api/v1/outcomes``)"""
        return self._invoke("GET", "/api/v1/outcomes", {}, {"status": status, "type": type, "limit": limit}, None, {"idempotency_key": idempotency_key})

    def list_parked_projections(self, *, limit: Optional[int] = None, idempotency_key: Optional[str] = None) -> List[ParkedView]:
        """Ledger commits whose read models were parked (``GET /api/v1/operator/projections/parked``)"""
        return self._invoke("GET", "/api/v1/operator/projections/parked", {}, {"limit": limit}, None, {"idempotency_key": idempotency_key})

    def list_stripe_events(self, id: str, *, limit: Optional[int] = None, idempotency_key: Optional[str] = None) -> EventsResponse:
        """The org's Stripe event log (``GET /api/v1/operator/orgs/{id}/stripe-events``)"""
        return self._invoke("GET", "/api/v1/operator/orgs/{id}/stripe-events", {"id": id}, {"limit": limit}, None, {"idempotency_key": idempotency_key})

    def propose_outcome(self, body: ProposeRequest, *, idempotency_key: Optional[str] = None) -> Outcome:
        """Propose an outcome (idempotent on its id) (``POST /api/v1/outcomes``)"""
        return self._invoke("POST", "/api/v1/outcomes", {}, {}, body, {"idempotency_key": idempotency_key})

    def put_contract(self, id: str, body: PutContract, *, idempotency_key: Optional[str] = None) -> EnterpriseContract:
        """Create or change the enterprise contract (``PUT /api/v1/operator/orgs/{id}/contract``)"""
        return self._invoke("PUT", "/api/v1/operator/orgs/{id}/contract", {"id": id}, {}, body, {"idempotency_key": idempotency_key})

    def rebuild_read_models(self, id: str, *, idempotency_key: Optional[str] = None) -> RebuildView:
        """Rebuild an org's rollups and read models from its ledger (``POST /api/v1/operator/orgs/{id}/rollups/rebuild``)"""
        return self._invoke("POST", "/api/v1/operator/orgs/{id}/rollups/rebuild", {"id": id}, {}, None, {"idempotency_key": idempotency_key})

    def record_usage(self, body: UsageBatchRequest, *, idempotency_key: Optional[str] = None) -> UsageBatchResponse:
        """Record a batch of usage events, exactly once per idempotency key (``POST /api/v1/usage``)"""
        return self._invoke("POST", "/api/v1/usage", {}, {}, body, {"idempotency_key": idempotency_key})

    def release_hold(self, id: str, *, idempotency_key: Optional[str] = None) -> Hold:
        """Release a hold without charging (``POST /api/v1/reservations/{id}/release``)"""
        return self._invoke("POST", "/api/v1/reservations/{id}/release", {"id": id}, {}, None, {"idempotency_key": idempotency_key})

    def replay_stripe_event(self, id: str, event_id: str, body: Optional[Replay] = None, *, idempotency_key: Optional[str] = None) -> StripeEventRecord:
        """Replay one Stripe event (``POST /api/v1/operator/orgs/{id}/stripe-events/{eventId}/replay``)"""
        return self._invoke("POST", "/api/v1/operator/orgs/{id}/stripe-events/{eventId}/replay", {"id": id, "eventId": event_id}, {}, body, {"idempotency_key": idempotency_key})

    def resolve_outcome(self, id: str, body: TransitionRequest, *, idempotency_key: Optional[str] = None) -> Outcome:
        """Resolve a dispute (upheld or rejected) (``POST /api/v1/outcomes/{id}/resolve``)"""
        return self._invoke("POST", "/api/v1/outcomes/{id}/resolve", {"id": id}, {}, body, {"idempotency_key": idempotency_key})

    def reverse_outcome(self, id: str, body: TransitionRequest, *, idempotency_key: Optional[str] = None) -> Outcome:
        """Reverse a billed outcome (credits given back) (``POST /api/v1/outcomes/{id}/reverse``)"""
        return self._invoke("POST", "/api/v1/outcomes/{id}/reverse", {"id": id}, {}, body, {"idempotency_key": idempotency_key})

    def set_auto_top_up(self, body: AutoTopUpRequest, *, idempotency_key: Optional[str] = None) -> AutoTopUpResponse:
        """Turn automatic top-up on or change it: a pack bought when available credits fall below a threshold (``PUT /api/v1/billing/auto-top-up``)"""
        return self._invoke("PUT", "/api/v1/billing/auto-top-up", {}, {}, body, {"idempotency_key": idempotency_key})

    def set_seats(self, body: SeatsRequest, *, idempotency_key: Optional[str] = None) -> SeatStatus:
        """Set the paid seats: more are prorated now, fewer apply from the next period (``PUT /api/v1/billing/seats``)"""
        return self._invoke("PUT", "/api/v1/billing/seats", {}, {}, body, {"idempotency_key": idempotency_key})

    def set_spend_cap(self, id: str, body: SetCap, *, idempotency_key: Optional[str] = None) -> SpendCap:
        """Set or clear the spend cap (``PUT /api/v1/operator/orgs/{id}/cap``)"""
        return self._invoke("PUT", "/api/v1/operator/orgs/{id}/cap", {"id": id}, {}, body, {"idempotency_key": idempotency_key})

    def usage_summary(self, *, from_: str, to: str, granularity: Optional[str] = None, group_by: Optional[str] = None, idempotency_key: Optional[str] = None) -> UsageSummary:
        """Usage per hour or day from the rollups (``GET /api/v1/usage/summary``)"""
        return self._invoke("GET", "/api/v1/usage/summary", {}, {"from": from_, "to": to, "granularity": granularity, "groupBy": group_by}, None, {"idempotency_key": idempotency_key})

    def verify_ledger(self, id: str, *, idempotency_key: Optional[str] = None) -> LedgerVerification:
        """Re-derive every balance from the ledger and compare (``GET /api/v1/operator/orgs/{id}/ledger/verify``)"""
        return self._invoke("GET", "/api/v1/operator/orgs/{id}/ledger/verify", {"id": id}, {}, None, {"idempotency_key": idempotency_key})
