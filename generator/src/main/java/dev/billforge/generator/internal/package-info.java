/**
 * Generator internals: the answers model and its parsers, the renderers of every
 * generated file, the answers file, root pom and compose editing, the unified diff, and
 * atomic file writes.
 */
package dev.billforge.generator.internal;
