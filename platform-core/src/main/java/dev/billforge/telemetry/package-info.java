/**
 * Agent telemetry as a platform feature, switched on by
 * {@code billforge.telemetry.enabled}: an OTLP/HTTP receiver
 * ({@code POST /v1/traces|metrics|logs}, protobuf and JSON, gzip) authenticated by the
 * org's API key; spans, log records and metric data points stored per org exactly once
 * (spans by (org, trace id, span id), the rest by content hash) with their typed
 * attributes; GenAI and Claude Code understanding (models, tokens, LLM cost from a
 * versioned price table fixed at ingestion); charging through
 * {@link dev.billforge.metering.Metering} by configuration; retention; and the generic
 * telemetry pages (traces, trace view, sessions, Claude Code, cost, quick start) that
 * tenants add to their navigation. Other modules read it through
 * {@link dev.billforge.telemetry.TelemetryQueries}. See {@code docs/telemetry.md}.
 */
package dev.billforge.telemetry;
