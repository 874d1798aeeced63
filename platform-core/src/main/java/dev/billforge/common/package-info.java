/**
 * Shared kernel: the error type every module throws for a problem the caller must see
 * ({@link dev.billforge.common.ProblemException}), rendered as RFC 9457 problem+json by
 * the API.
 */
package dev.billforge.common;
