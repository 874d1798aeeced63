/**
 * Storage internals: embedded server lifecycle, the {@code MONGODB_URI} mapping,
 * Liquibase runner and lock recovery. Not API; other features use
 * {@link dev.billforge.storage.StorageMode} and Spring Data.
 */
@org.jspecify.annotations.NullMarked
package dev.billforge.storage.internal;
