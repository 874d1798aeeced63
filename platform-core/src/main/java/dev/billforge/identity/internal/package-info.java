/**
 * Identity internals: the shared browser-chain rules, the Keycloak client registration,
 * environment aliases.
 */
package dev.billforge.identity.internal;
