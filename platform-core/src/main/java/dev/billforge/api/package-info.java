/**
 * Plumbing of the machine API under {@code /api}: Bearer authentication with org API keys
 * (and the operator token for {@code /api/v1/operator}), the authenticated org as a
 * controller argument, and RFC 9457 problem+json errors with stable codes.
 */
package dev.billforge.api;
