/** Internals of the Stripe emulator; nothing here is API for other modules. */
package dev.billforge.stripe.emulator.internal;
