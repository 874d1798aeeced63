/**
 * Notifications: delivers the ledger's alerts (thresholds, cap reached, projected
 * exhaustion) and other org notices such as a trial ending
 * ({@link dev.billforge.notifications.Notifications#raise}) in-app, by email (or to the
 * outbox on the embedded default) and to an optional HMAC-signed webhook per org, each at
 * most once per alert and channel, with retries and a delivery log.
 */
package dev.billforge.notifications;
