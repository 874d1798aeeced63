/**
 * The telemetry feature's internals: OTLP decoding (bounded gzip, hex ids in JSON),
 * mapping to stored documents, charging, the MongoDB store, retention and the pages'
 * controllers.
 */
package dev.billforge.telemetry.internal;
