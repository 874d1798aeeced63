/**
 * Operating a tenant: health groups for liveness and readiness (readiness includes
 * MongoDB, Keycloak and Stripe), platform metrics on {@code /actuator/prometheus} (the
 * operator token guards it, see the api module), and the defaults that expose them.
 * Modules count their own events through {@link dev.billforge.common.BillforgeMetrics};
 * this module adds what it can observe from outside, such as credits charged per meter
 * from the ledger's commits. See docs/deploy.md.
 */
package dev.billforge.observability;
