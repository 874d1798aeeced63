package dev.billforge.orgs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Who belongs to which org with which role, and invitations. Errors are
 * {@link dev.billforge.common.ProblemException}s with stable codes: {@code not_found},
 * {@code last_owner} (an org always keeps one owner), {@code invitation_invalid},
 * {@code invitation_expired}, {@code invitation_wrong_person}, {@code already_member}.
 */
public interface Memberships {

	/** Adds a member, or returns the existing membership unchanged (idempotent). */
	Membership add(OrgId org, String email, Role role);

	Optional<Membership> find(OrgId org, String email);

	/** The person's memberships, oldest first. */
	List<Membership> ofPerson(String email);

	/** The org's members, oldest first. */
	List<Membership> members(OrgId org);

	void changeRole(OrgId org, String email, Role role);

	/** Removes a member (also used for leaving); the last owner cannot be removed. */
	void remove(OrgId org, String email);

	IssuedInvitation invite(OrgId org, String email, Role role, String invitedBy, Duration validFor);

	List<Invitation> pendingInvitations(OrgId org);

	/** The invitation behind a token, if it exists and is still open (it may be expired). */
	Optional<Invitation> invitation(String token);

	/** Joins the invited org; the token works once and only for the invited address. */
	Membership accept(String token, String email);

	void revokeInvitation(OrgId org, String invitationId);

}
