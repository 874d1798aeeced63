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

	/**
	 * Adds a member under their stable {@code subject} (see
	 * {@link Membership#subject()}), or returns the existing membership unchanged
	 * (idempotent).
	 */
	Membership add(OrgId org, String subject, String email, Role role);

	/** Local accounts: the subject is the account's address. */
	default Membership add(OrgId org, String email, Role role) {
		return add(org, email, email, role);
	}

	Optional<Membership> find(OrgId org, String subject);

	/** The person's memberships, oldest first. */
	List<Membership> ofPerson(String subject);

	/**
	 * Memberships stored before they were keyed on the subject carry the sign-in name of
	 * their time (Keycloak's {@code preferred_username}, the address). At the person's
	 * first sign-in with a verified address equal to that name they move to the stable
	 * subject; later a new person who takes over the name gets nothing. @return how many
	 * moved
	 */
	int adoptLegacy(String legacyName, String subject);

	/** The org's members, oldest first. */
	List<Membership> members(OrgId org);

	void changeRole(OrgId org, String subject, Role role);

	/** Removes a member (also used for leaving); the last owner cannot be removed. */
	void remove(OrgId org, String subject);

	IssuedInvitation invite(OrgId org, String email, Role role, String invitedBy, Duration validFor);

	List<Invitation> pendingInvitations(OrgId org);

	/**
	 * The invitation behind a token, if it exists and is still open (it may be expired).
	 */
	Optional<Invitation> invitation(String token);

	/**
	 * Joins the invited org; the token works once and only for the invited address, which
	 * must be the person's verified address ({@code verifiedEmail}; the caller checks it
	 * was verified).
	 */
	Membership accept(String token, String subject, String verifiedEmail);

	/** Local accounts: the subject is the (verified) address. */
	default Membership accept(String token, String email) {
		return accept(token, email, email);
	}

	void revokeInvitation(OrgId org, String invitationId);

	/**
	 * Seats the org fills: members plus open, unexpired invitations. With a
	 * {@link SeatPolicy} limit, {@link #invite} refuses with 402 {@code seats_exhausted}
	 * when none is free, and of invitations racing for the last seat exactly one is
	 * issued; removing a member or revoking an invitation tells the policy.
	 */
	long seatsUsed(OrgId org);

}
