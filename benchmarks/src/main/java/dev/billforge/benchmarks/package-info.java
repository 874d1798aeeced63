/**
 * The benchmark harness: boots a DocRouter-like application in-process (embedded MongoDB
 * on a temporary data directory, or a fresh database on env {@code MONGODB_URI}) and
 * measures ingestion, entitlement checks, holds, the usage summary and Stripe webhook
 * processing over loopback HTTP and in-process (JMH). Entry point
 * {@link dev.billforge.benchmarks.BenchmarkMain}; how to run it is in
 * {@code docs/benchmarks.md}.
 */
package dev.billforge.benchmarks;
