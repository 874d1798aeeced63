/**
 * Spring Boot wiring of branding: loads and validates the brand pack at startup, exposes
 * the {@code brand} bean and turns an invalid pack into a readable startup failure.
 */
package dev.billforge.branding.autoconfigure;
