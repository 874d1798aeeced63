/**
 * Local accounts for the embedded default (no Keycloak): sign-up with email and password
 * (BCrypt), password reset by emailed link, throttling of failed sign-ins and reset
 * requests, and the {@code UserDetailsService} identity's form login uses. Not active in
 * Keycloak mode.
 */
package dev.billforge.accounts;
