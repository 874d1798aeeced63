/**
 * Usage metering: validates and rates usage events into credits, charges them through the ledger
 * exactly once, and keeps hourly rollups per org and meter for dashboards and period close.
 */
package dev.billforge.metering;
