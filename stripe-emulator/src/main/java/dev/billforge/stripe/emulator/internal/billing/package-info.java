/**
 * The billing engine: payments (charges, payment intents, refunds), invoices and invoice
 * items, subscriptions with prorations and dunning, Checkout completion and the time
 * driver that performs due work (renewals, finalization, retries, expiry) when time
 * passes or a test clock advances.
 */
package dev.billforge.stripe.emulator.internal.billing;
