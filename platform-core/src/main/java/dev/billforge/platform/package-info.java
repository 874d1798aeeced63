/**
 * Wires the platform core into a tenant application: one auto-configuration that enables
 * the configuration properties and picks up every feature module.
 */
package dev.billforge.platform;
