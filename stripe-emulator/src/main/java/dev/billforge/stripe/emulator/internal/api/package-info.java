/**
 * REST resources of the emulated API ({@code /v1/...}) and the emulator-only test
 * helpers.
 */
package dev.billforge.stripe.emulator.internal.api;
