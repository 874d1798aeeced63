/**
 * Keycloak provisioning: one idempotent command that creates or updates a tenant's realm,
 * OIDC client, realm roles, login theme, SMTP settings and first operator. Entry points:
 * {@link dev.billforge.identity.provisioning.KeycloakProvisioner#provision(RealmSpec)}
 * and the {@code --billforge.identity.keycloak.provision=true} command run.
 */
package dev.billforge.identity.provisioning;
