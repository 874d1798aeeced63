package dev.billforge.labportal.engagements;

import dev.billforge.orgs.Role;

/**
 * The member acting, as the web app resolved them from their memberships on this request
 * (the pages pass the signed-in member's {@code CurrentOrg}); the service checks the role
 * for each step.
 */
public record Person(String email, Role role) {
}
