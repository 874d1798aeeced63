/**
 * Hosted pages a person opens in a browser: Checkout (pay with a succeeding, declining or
 * delayed test method, or cancel), the Billing Portal (switch plan, cancel at period end,
 * reactivate) and invoices. Plain HTML forms, no JavaScript; every page carries the
 * test-mode banner.
 */
package dev.billforge.stripe.emulator.internal.pages;
