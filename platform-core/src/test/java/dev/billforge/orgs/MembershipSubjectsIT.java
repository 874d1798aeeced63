package dev.billforge.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.billforge.testsupport.BillforgeIntegrationTest;

/**
 * Memberships are keyed on the stable subject (Keycloak's sub), and rows stored under the
 * sign-in name of their time move to the subject once, at a verified sign-in with that
 * name.
 */
@BillforgeIntegrationTest
class MembershipSubjectsIT {

	@Autowired
	Memberships memberships;

	@Autowired
	Orgs orgs;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aMembershipBelongsToTheSubjectNotToTheAddressItShows() {
		OrgId org = orgs.create("Subjects", ZoneId.of("UTC")).id();
		memberships.add(org, "3f6c1b2a-sub", "Alice@Example.test", Role.OWNER);

		assertThat(memberships.ofPerson("3f6c1b2a-sub")).singleElement()
			.satisfies(m -> assertThat(m.email()).isEqualTo("alice@example.test"));
		// Someone else who now holds the address (or the username) does not get the
		// membership.
		assertThat(memberships.ofPerson("alice@example.test")).isEmpty();
		assertThat(memberships.find(org, "alice@example.test")).isEmpty();
	}

	@Test
	void aLegacyRowMovesToTheSubjectOnceAndOnlyOnce() {
		OrgId org = orgs.create("Legacy", ZoneId.of("UTC")).id();
		// As stored before subjects existed: keyed by the Keycloak username (the
		// address), no subject field.
		mongo.getCollection("org_memberships")
			.insertOne(new Document("_id", org.value() + "|bob@example.test").append("orgId", org.value())
				.append("email", "bob@example.test")
				.append("role", "admin")
				.append("joinedAt", "2026-01-01T00:00:00Z"));

		assertThat(memberships.adoptLegacy("Bob@Example.test", "9d2e-bobs-sub")).isEqualTo(1);

		assertThat(memberships.find(org, "9d2e-bobs-sub").orElseThrow().role()).isEqualTo(Role.ADMIN);
		assertThat(memberships.ofPerson("bob@example.test")).isEmpty();
		assertThat(memberships.adoptLegacy("bob@example.test", "another-persons-sub")).isZero();
		assertThat(memberships.ofPerson("another-persons-sub")).isEmpty();
	}

	@Test
	void localAccountsKeepTheirRowsFromBefore() {
		OrgId org = orgs.create("Local", ZoneId.of("UTC")).id();
		mongo.getCollection("org_memberships")
			.insertOne(new Document("_id", org.value() + "|carol@example.test").append("orgId", org.value())
				.append("email", "carol@example.test")
				.append("role", "owner")
				.append("joinedAt", "2026-01-01T00:00:00Z"));

		// A local account's subject is its address, so nothing needs to move.
		assertThat(memberships.find(org, "carol@example.test").orElseThrow().subject()).isEqualTo("carol@example.test");
		assertThat(memberships.ofPerson("carol@example.test")).hasSize(1);
	}

}
