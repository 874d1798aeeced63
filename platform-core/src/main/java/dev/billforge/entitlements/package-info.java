/**
 * Feature entitlements: which switches ({@code mcp_access}) and limits
 * ({@code documents_per_month}, {@code seats}) an org has from its plan, packs,
 * enterprise contract or the free tier, with each limit's current use; the API
 * ({@code GET /api/v1/entitlements}, feature checks on
 * {@code POST /api/v1/entitlements/check}),
 * {@link dev.billforge.entitlements.Entitlements} for tenant code, the
 * {@link dev.billforge.entitlements.RequiresFeature} page and API guard, and seats of
 * per-seat plans. Rules: {@code docs/billing.md}, "Feature entitlements" and "Per-seat
 * plans".
 */

package dev.billforge.entitlements;
