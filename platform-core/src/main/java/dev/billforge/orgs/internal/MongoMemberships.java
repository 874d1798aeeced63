package dev.billforge.orgs.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.billforge.common.ProblemException;
import dev.billforge.orgs.Invitation;
import dev.billforge.orgs.IssuedInvitation;
import dev.billforge.orgs.Membership;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Role;
import dev.billforge.orgs.SeatPolicy;

/**
 * Memberships keyed {@code orgId|subject} (so a person is in an org at most once, also
 * under races) and invitations keyed by the SHA-256 of their token (the token itself is
 * never stored). Rows written before subjects existed have no {@code subject} field;
 * their subject is their {@code email} (the sign-in name of their time) until
 * {@link #adoptLegacy} moves them.
 */
final class MongoMemberships implements Memberships {

	static final String MEMBERSHIPS = "org_memberships";

	static final String INVITATIONS = "org_invitations";

	private final MongoCollection<Document> members;

	private final MongoCollection<Document> invitations;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final SeatGuard seats;

	MongoMemberships(MongoTemplate mongo, Clock clock, ObjectProvider<SeatPolicy> seatPolicy) {
		this.members = mongo.getCollection(MEMBERSHIPS);
		this.invitations = mongo.getCollection(INVITATIONS);
		this.clock = clock;
		this.seats = new SeatGuard(mongo.getCollection(SeatGuard.COLLECTION), seatPolicy);
	}

	/**
	 * Members, open unexpired invitations, and invitations accepted in the last minutes
	 * whose member is not stored yet (an accept claims the token before it adds the
	 * member).
	 */
	@Override
	public long seatsUsed(OrgId org) {
		List<Membership> current = members(org);
		java.util.Set<String> emails = new java.util.HashSet<>();
		current.forEach(m -> emails.add(m.email()));
		Instant now = clock.instant();
		long open = invitations.countDocuments(Filters.and(Filters.eq("orgId", org.value()),
				Filters.eq("status", "open"), Filters.gt("expiresAt", now.toString())));
		long accepting = 0;
		for (Document d : invitations
			.find(Filters.and(Filters.eq("orgId", org.value()), Filters.eq("status", "accepted"),
					Filters.gt("acceptedAt", now.minus(Duration.ofMinutes(5)).toString())))) {
			if (!emails.contains(d.getString("email"))) {
				accepting++;
			}
		}
		return current.size() + open + accepting;
	}

	static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Subjects are case-sensitive (Keycloak's are UUIDs); local subjects are already
	 * lower-case addresses.
	 */
	private static String id(OrgId org, String subject) {
		return org.value() + "|" + subject;
	}

	@Override
	public Membership add(OrgId org, String subject, String email, Role role) {
		Document doc = new Document("_id", id(org, subject)).append("orgId", org.value())
			.append("subject", subject)
			.append("email", normalise(email))
			.append("role", role.code())
			.append("joinedAt", clock.instant().toString());
		try {
			members.insertOne(doc);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
		return find(org, subject).orElseThrow();
	}

	@Override
	public Optional<Membership> find(OrgId org, String subject) {
		return Optional.ofNullable(members.find(Filters.eq("_id", id(org, subject))).first())
			.map(MongoMemberships::membership);
	}

	@Override
	public List<Membership> ofPerson(String subject) {
		return members
			.find(Filters.or(Filters.eq("subject", subject),
					Filters.and(Filters.exists("subject", false), Filters.eq("email", subject))))
			.sort(Sorts.ascending("joinedAt"))
			.map(MongoMemberships::membership)
			.into(new ArrayList<>());
	}

	@Override
	public int adoptLegacy(String legacyName, String subject) {
		String name = normalise(legacyName);
		if (name.equals(subject)) {
			return 0;
		}
		int moved = 0;
		for (Document legacy : members.find(Filters.and(Filters.exists("subject", false), Filters.eq("email", name)))
			.into(new ArrayList<>())) {
			Document adopted = new Document(legacy).append("_id", id(new OrgId(legacy.getString("orgId")), subject))
				.append("subject", subject);
			try {
				members.insertOne(adopted);
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
			}
			members.deleteOne(Filters.eq("_id", legacy.get("_id")));
			moved++;
		}
		return moved;
	}

	@Override
	public List<Membership> members(OrgId org) {
		return members.find(Filters.eq("orgId", org.value()))
			.sort(Sorts.ascending("joinedAt"))
			.map(MongoMemberships::membership)
			.into(new ArrayList<>());
	}

	@Override
	public void changeRole(OrgId org, String subject, Role role) {
		Membership current = find(org, subject).orElseThrow(() -> ProblemException.notFound("member"));
		if (current.role() == Role.OWNER && role != Role.OWNER) {
			requireAnotherOwner(org, subject);
		}
		members.updateOne(Filters.eq("_id", id(org, subject)), Updates.set("role", role.code()));
	}

	@Override
	public void remove(OrgId org, String subject) {
		Membership current = find(org, subject).orElseThrow(() -> ProblemException.notFound("member"));
		if (current.role() == Role.OWNER) {
			requireAnotherOwner(org, subject);
		}
		members.deleteOne(Filters.eq("_id", id(org, subject)));
		seats.freed(org, seatsUsed(org));
	}

	private void requireAnotherOwner(OrgId org, String subject) {
		boolean another = members(org).stream().anyMatch(m -> m.role() == Role.OWNER && !m.subject().equals(subject));
		if (!another) {
			throw ProblemException.conflict("last_owner", "an org must keep at least one owner");
		}
	}

	@Override
	public IssuedInvitation invite(OrgId org, String email, Role role, String invitedBy, Duration validFor) {
		String invitee = normalise(email);
		if (members(org).stream().anyMatch(m -> m.email().equals(invitee))) {
			throw ProblemException.conflict("already_member", "already a member of this org");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		Instant now = clock.instant();
		String id = "inv_" + hash(token).substring(0, 24);
		Document doc = new Document("_id", hash(token)).append("invitationId", id)
			.append("orgId", org.value())
			.append("email", normalise(email))
			.append("role", role.code())
			.append("invitedBy", normalise(invitedBy))
			.append("createdAt", now.toString())
			.append("expiresAt", now.plus(validFor).toString())
			.append("status", "open");
		return seats.claim(org, () -> seatsUsed(org), () -> {
			invitations.insertOne(doc);
			return new IssuedInvitation(invitation(doc), token);
		}, lost -> invitations.deleteOne(Filters.eq("_id", doc.get("_id"))));
	}

	@Override
	public List<Invitation> pendingInvitations(OrgId org) {
		return invitations.find(Filters.and(Filters.eq("orgId", org.value()), Filters.eq("status", "open")))
			.sort(Sorts.descending("createdAt"))
			.map(MongoMemberships::invitation)
			.into(new ArrayList<>());
	}

	@Override
	public Optional<Invitation> invitation(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return Optional
			.ofNullable(
					invitations.find(Filters.and(Filters.eq("_id", hash(token)), Filters.eq("status", "open"))).first())
			.map(MongoMemberships::invitation);
	}

	@Override
	public Membership accept(String token, String subject, String verifiedEmail) {
		Invitation invitation = invitation(token)
			.orElseThrow(() -> new ProblemException(404, "invitation_invalid", "this invitation link is not valid"));
		if (invitation.expiredAt(clock.instant())) {
			throw new ProblemException(410, "invitation_expired", "this invitation has expired");
		}
		if (!invitation.email().equals(normalise(verifiedEmail))) {
			throw new ProblemException(403, "invitation_wrong_person", "this invitation is for another address");
		}
		// Claim the token first: of two concurrent accepts only one proceeds.
		var claimed = invitations.updateOne(Filters.and(Filters.eq("_id", hash(token)), Filters.eq("status", "open")),
				Updates.combine(Updates.set("status", "accepted"),
						Updates.set("acceptedAt", clock.instant().toString())));
		if (claimed.getModifiedCount() == 0) {
			return find(invitation.orgId(), subject).orElseThrow(
					() -> new ProblemException(404, "invitation_invalid", "this invitation link is not valid"));
		}
		return add(invitation.orgId(), subject, verifiedEmail, invitation.role());
	}

	@Override
	public void revokeInvitation(OrgId org, String invitationId) {
		var result = invitations.updateOne(Filters.and(Filters.eq("invitationId", invitationId),
				Filters.eq("orgId", org.value()), Filters.eq("status", "open")), Updates.set("status", "revoked"));
		if (result.getModifiedCount() == 0) {
			throw ProblemException.notFound("invitation");
		}
		seats.freed(org, seatsUsed(org));
	}

	private static Membership membership(Document doc) {
		String subject = doc.getString("subject");
		return new Membership(new OrgId(doc.getString("orgId")), doc.getString("email"),
				Role.fromCode(doc.getString("role")), Instant.parse(doc.getString("joinedAt")),
				subject != null ? subject : doc.getString("email"));
	}

	private static Invitation invitation(Document doc) {
		return new Invitation(doc.getString("invitationId"), new OrgId(doc.getString("orgId")), doc.getString("email"),
				Role.fromCode(doc.getString("role")), doc.getString("invitedBy"),
				Instant.parse(doc.getString("createdAt")), Instant.parse(doc.getString("expiresAt")));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
