/**
 * HTTP front of the emulator: routing, API-key check, form parsing, idempotency, fault
 * injection, errors.
 */
package dev.billforge.stripe.emulator.internal.http;
