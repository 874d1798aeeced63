/** Billing internals: Stripe wiring, catalog, flows, webhook handling, jobs. */
package dev.billforge.billing.internal;
