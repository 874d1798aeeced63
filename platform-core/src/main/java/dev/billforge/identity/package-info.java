/**
 * Identity: who is signed in to a tenant's browser pages, and how.
 *
 * <p>
 * Owns the browser {@code SecurityFilterChain} (CSRF, CSP, session fixation, logout), the
 * Keycloak OIDC client registration and role mapping ({@code operator} →
 * {@code ROLE_OPERATOR}), the {@code billforge.identity.*} properties, and (in
 * {@code provisioning}) the idempotent Keycloak realm provisioning command. Local
 * accounts (form login) plug in through a {@code UserDetailsService} bean supplied
 * elsewhere. See {@code docs/identity.md}.
 */
package dev.billforge.identity;
