/**
 * Brand pack internals: file access (directory or Spring resources), brand.yml parsing,
 * SVG, favicon and message checks, contrast rules, CSS rendering and palette/logo
 * derivation for generated packs. Not an API; use the types in
 * {@code dev.billforge.branding}.
 */
package dev.billforge.branding.internal;
