package dev.billforge.orgs;

/**
 * A new invitation with its secret token (only its hash is stored); the token goes into
 * the emailed link.
 */
public record IssuedInvitation(Invitation invitation, String token) {
}
