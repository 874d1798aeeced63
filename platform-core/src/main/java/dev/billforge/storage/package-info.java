/**
 * Storage: where Billforge keeps its data and how the schema gets there.
 * <p>
 * Owns the choice between the embedded MongoDB wire-protocol server (default, persisting
 * under the data directory) and a real MongoDB ({@code MONGODB_URI} /
 * {@code spring.mongodb.uri}), exposes that choice as
 * {@link dev.billforge.storage.StorageMode}, and runs the Liquibase changelogs before any
 * bean touches MongoDB. Everything else uses Spring Data MongoDB as usual.
 */
@org.jspecify.annotations.NullMarked
package dev.billforge.storage;
