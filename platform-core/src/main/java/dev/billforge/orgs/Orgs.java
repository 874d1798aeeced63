package dev.billforge.orgs;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Orgs and their API keys. */
public interface Orgs {

	Org create(String name, ZoneId timeZone);

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
