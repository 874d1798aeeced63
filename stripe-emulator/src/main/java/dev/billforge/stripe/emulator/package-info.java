/**
 * Stateful, in-process emulator of the part of Stripe's REST API that Billforge uses.
 *
 * <p>
 * Owns the public embedding API ({@link dev.billforge.stripe.emulator.StripeEmulator},
 * {@link dev.billforge.stripe.emulator.EmulatorConfig}) and the value types it takes.
 * Everything under {@code internal} is private to the emulator: the HTTP front, the
 * object store and its snapshot, the billing engine (subscriptions, invoices, payments,
 * dunning, test clocks), webhook delivery and the hosted Checkout and Billing Portal
 * pages. It never talks to real Stripe and accepts only {@code sk_test_} keys.
 */
package dev.billforge.stripe.emulator;
