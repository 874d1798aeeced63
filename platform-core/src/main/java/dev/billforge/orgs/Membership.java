package dev.billforge.orgs;

import java.time.Instant;

/** A person's membership in an org; {@code email} is the person's sign-in name (lower case). */
public record Membership(OrgId orgId, String email, Role role, Instant joinedAt) {
}
