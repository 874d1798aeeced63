package dev.billforge.orgs;

/** What a member may do in an org. Checked on the server for every page and action. */
public enum Role {

	/** Everything, including members, billing and the org's audit log. */
	OWNER,
	/** Members (except owners), API keys and settings; sees billing. */
	ADMIN,
	/** Billing, spend cap and alert channels; gets alert emails. */
	BILLING,
	/** Sees usage and billing; uses the product. */
	MEMBER,
	/**
	 * A member who approves and disputes outcomes (where an outcome type names this
	 * role).
	 */
	REVIEWER,
	/**
	 * The consulting firm's staff in a client's org: proposes outcomes, logs time and
	 * resolves disputes; cannot approve outcomes or buy credits.
	 */
	CONSULTANT;

	public String code() {
		return name().toLowerCase();
	}

	public static Role fromCode(String code) {
		for (Role role : values()) {
			if (role.code().equalsIgnoreCase(code)) {
				return role;
			}
		}
		throw new IllegalArgumentException("unknown role: " + code);
	}

	public boolean canManageMembers() {
		return this == OWNER || this == ADMIN;
	}

	public boolean canManageApiKeys() {
		return this == OWNER || this == ADMIN;
	}

	public boolean canManageBilling() {
		return this == OWNER || this == BILLING;
	}

	/**
	 * Buying packs or plans and opening the billing portal: owners, admins and billing
	 * members.
	 */
	public boolean canPurchase() {
		return this == OWNER || this == ADMIN || this == BILLING;
	}

	public boolean canViewAuditLog() {
		return this == OWNER;
	}

	/** Owners and billing members receive alert emails. */
	public boolean receivesAlerts() {
		return this == OWNER || this == BILLING;
	}

}
