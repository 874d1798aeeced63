package dev.billforge.operator;

import java.util.List;
import java.util.Map;

import dev.billforge.orgs.OrgId;

/**
 * Append-only record of operator actions; the org's owners see the entries about their
 * org.
 */
public interface AuditLog {

	/**
	 * Records an action; the same {@code key} records it once (a repeated form post is
	 * not a second entry).
	 */
	AuditEntry record(String key, String actor, String action, OrgId org, String reason, Map<String, String> details);

	/** Entries about one org, newest first. */
	List<AuditEntry> forOrg(OrgId org, int limit);

	/** All entries, newest first. */
	List<AuditEntry> recent(int limit);

}
