/**
 * The tenant generator: a picocli command line
 * ({@link dev.billforge.generator.GeneratorCli}) that scaffolds a product tenant
 * ({@code new-tenant}), regenerates its generated files from the answers in its
 * {@code tenant.yml} ({@code regenerate}), applies a brand pack ({@code rebrand}) and
 * lists tenants ({@code list}). Rendering and file handling live in {@code internal}.
 */
package dev.billforge.generator;
