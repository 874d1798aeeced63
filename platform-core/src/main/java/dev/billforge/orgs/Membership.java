package dev.billforge.orgs;

import java.time.Instant;

/**
 * A person's membership in an org.
 *
 * @param subject the person's stable identity: Keycloak's {@code sub} in Keycloak mode,
 * the account's (lower-case) address for local accounts; memberships are keyed on it,
 * never on a name the person can change or choose
 * @param email the person's (verified) address, for showing and mailing
 */
public record Membership(OrgId orgId, String email, Role role, Instant joinedAt, String subject) {
}
