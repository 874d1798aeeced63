package dev.billforge.orgs;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Orgs and their API keys. */
public interface Orgs {

	/**
	 * An org made by the operator (API or console): gets the free tier, not rate limited.
	 */
	Org create(String name, ZoneId timeZone);

	/**
	 * An org a signed-in person (stable {@code subject}) makes for themselves. Refused
	 * with 429 {@code org_limit} past {@link OrgsProperties#maxCreatedPerWindow()}; only
	 * the person's first {@link OrgsProperties#freeTierOrgsPerPerson()} orgs get the free
	 * tier (free-tier farming).
	 */
	Org createFor(String subject, String name, ZoneId timeZone);

	/** Whether the org's credit account opens with the free tier. */
	boolean freeTierEligible(OrgId id);

	Optional<Org> find(OrgId id);

	/** Orgs whose name or id contains {@code query} (all when blank), newest first. */
	List<Org> search(String query, int limit);

	IssuedApiKey createApiKey(OrgId org, String name);

	List<ApiKey> apiKeys(OrgId org);

	/** Revokes a key of this org; unknown or other orgs' keys are not found. */
	void revokeApiKey(OrgId org, String keyId);

	/** The org a presented key belongs to, if the key is valid and not revoked. */
	Optional<OrgId> authenticate(String presentedKey);

}
