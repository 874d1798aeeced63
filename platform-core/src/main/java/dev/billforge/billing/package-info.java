/**
 * Stripe billing: the Stripe client (or the in-process emulator on the embedded default),
 * the catalog from Stripe metadata and catalog-as-code, Checkout and Portal flows, the
 * webhook that turns payments into ledger grants, trials, coupons and promotion codes,
 * Stripe Tax, overage invoicing and reconciliation, and operator-managed enterprise
 * contracts ({@link dev.billforge.billing.EnterpriseContracts}). Stripe is the system of
 * record for money, the ledger for credits. Rules: {@code docs/billing.md}.
 */
package dev.billforge.billing;
