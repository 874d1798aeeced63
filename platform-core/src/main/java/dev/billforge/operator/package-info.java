/**
 * The operator's API and console: create orgs and keys, grant or adjust credits with a
 * reason, set caps, verify ledgers, put orgs on enterprise contracts, see and replay an
 * org's Stripe events, see the discovered catalog; every action lands in the
 * {@link dev.billforge.operator.AuditLog}, which an org's owners and admins read on their
 * own audit page (served here, through the web app's public page API). The API is enabled
 * only when an operator token is configured; the console needs the operator role.
 */
package dev.billforge.operator;
