/**
 * Entitlements internals: resolution and counting, the API, the guard, the seat policy.
 */
package dev.billforge.entitlements.internal;
