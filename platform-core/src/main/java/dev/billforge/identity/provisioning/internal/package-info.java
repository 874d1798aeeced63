/**
 * Provisioning internals: pure diff logic per Keycloak object and the login theme files.
 */
package dev.billforge.identity.provisioning.internal;
