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

/**
 * Memberships keyed {@code orgId|email} (so a person is in an org at most once, also under races) and
 * invitations keyed by the SHA-256 of their token (the token itself is never stored).
 */
final class MongoMemberships implements Memberships {

	static final String MEMBERSHIPS = "org_memberships";

	static final String INVITATIONS = "org_invitations";

	private final MongoCollection<Document> members;

	private final MongoCollection<Document> invitations;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	MongoMemberships(MongoTemplate mongo, Clock clock) {
		this.members = mongo.getCollection(MEMBERSHIPS);
		this.invitations = mongo.getCollection(INVITATIONS);
		this.clock = clock;
	}

	static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	private static String id(OrgId org, String email) {
		return org.value() + "|" + normalise(email);
	}

	@Override
	public Membership add(OrgId org, String email, Role role) {
		Document doc = new Document("_id", id(org, email)).append("orgId", org.value())
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
		return find(org, email).orElseThrow();
	}

	@Override
	public Optional<Membership> find(OrgId org, String email) {
		return Optional.ofNullable(members.find(Filters.eq("_id", id(org, email))).first()).map(MongoMemberships::membership);
	}

	@Override
	public List<Membership> ofPerson(String email) {
		return members.find(Filters.eq("email", normalise(email)))
			.sort(Sorts.ascending("joinedAt"))
			.map(MongoMemberships::membership)
			.into(new ArrayList<>());
	}

	@Override
	public List<Membership> members(OrgId org) {
		return members.find(Filters.eq("orgId", org.value()))
			.sort(Sorts.ascending("joinedAt"))
			.map(MongoMemberships::membership)
			.into(new ArrayList<>());
	}

	@Override
	public void changeRole(OrgId org, String email, Role role) {
		Membership current = find(org, email).orElseThrow(() -> ProblemException.notFound("member"));
		if (current.role() == Role.OWNER && role != Role.OWNER) {
			requireAnotherOwner(org, email);
		}
		members.updateOne(Filters.eq("_id", id(org, email)), Updates.set("role", role.code()));
	}

	@Override
	public void remove(OrgId org, String email) {
		Membership current = find(org, email).orElseThrow(() -> ProblemException.notFound("member"));
		if (current.role() == Role.OWNER) {
			requireAnotherOwner(org, email);
		}
		members.deleteOne(Filters.eq("_id", id(org, email)));
	}

	private void requireAnotherOwner(OrgId org, String email) {
		boolean another = members(org).stream()
			.anyMatch(m -> m.role() == Role.OWNER && !m.email().equals(normalise(email)));
		if (!another) {
			throw ProblemException.conflict("last_owner", "an org must keep at least one owner");
		}
	}

	@Override
	public IssuedInvitation invite(OrgId org, String email, Role role, String invitedBy, Duration validFor) {
		if (find(org, email).isPresent()) {
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
		invitations.insertOne(doc);
		return new IssuedInvitation(invitation(doc), token);
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
		return Optional.ofNullable(invitations.find(Filters.and(Filters.eq("_id", hash(token)), Filters.eq("status", "open")))
			.first()).map(MongoMemberships::invitation);
	}

	@Override
	public Membership accept(String token, String email) {
		Invitation invitation = invitation(token)
			.orElseThrow(() -> new ProblemException(404, "invitation_invalid", "this invitation link is not valid"));
		if (invitation.expiredAt(clock.instant())) {
			throw new ProblemException(410, "invitation_expired", "this invitation has expired");
		}
		if (!invitation.email().equals(normalise(email))) {
			throw new ProblemException(403, "invitation_wrong_person", "this invitation is for another address");
		}
		// Claim the token first: of two concurrent accepts only one proceeds.
		var claimed = invitations.updateOne(Filters.and(Filters.eq("_id", hash(token)), Filters.eq("status", "open")),
				Updates.set("status", "accepted"));
		if (claimed.getModifiedCount() == 0) {
			return find(invitation.orgId(), email)
				.orElseThrow(() -> new ProblemException(404, "invitation_invalid", "this invitation link is not valid"));
		}
		return add(invitation.orgId(), email, invitation.role());
	}

	@Override
	public void revokeInvitation(OrgId org, String invitationId) {
		var result = invitations.updateOne(Filters.and(Filters.eq("invitationId", invitationId),
				Filters.eq("orgId", org.value()), Filters.eq("status", "open")), Updates.set("status", "revoked"));
		if (result.getModifiedCount() == 0) {
			throw ProblemException.notFound("invitation");
		}
	}

	private static Membership membership(Document doc) {
		return new Membership(new OrgId(doc.getString("orgId")), doc.getString("email"), Role.fromCode(doc.getString("role")),
				Instant.parse(doc.getString("joinedAt")));
	}

	private static Invitation invitation(Document doc) {
		return new Invitation(doc.getString("invitationId"), new OrgId(doc.getString("orgId")), doc.getString("email"),
				Role.fromCode(doc.getString("role")), doc.getString("invitedBy"), Instant.parse(doc.getString("createdAt")),
				Instant.parse(doc.getString("expiresAt")));
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
