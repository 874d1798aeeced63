package dev.billforge.billing;

/**
 * How this deployment takes payments, for the UI's banner: {@code emulated} when the
 * in-process emulator stands in for Stripe, {@code testMode} when no real money moves
 * (emulator or an {@code sk_test_} key) — show "test mode — payments are simulated".
 */
public record BillingMode(boolean emulated, boolean testMode) {
}
