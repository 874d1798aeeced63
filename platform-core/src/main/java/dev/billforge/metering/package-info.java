/**
 * Usage metering: validates and rates usage events into credits, charges them through the
 * ledger exactly once, labels committed holds with usage properties
 * ({@code Metering#commit}), and keeps hourly and quarter-hour rollups per org and meter
 * for dashboards (days in the org's time zone) and period close.
 */
package dev.billforge.metering;
