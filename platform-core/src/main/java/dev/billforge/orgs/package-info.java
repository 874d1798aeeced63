/**
 * Orgs — the paying customers of one product deployment — and their org-scoped API keys.
 */
package dev.billforge.orgs;
