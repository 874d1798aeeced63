/**
 * Events (snapshots of objects at the time of a change) and their signed, retried webhook
 * delivery.
 */
package dev.billforge.stripe.emulator.internal.events;
