package dev.billforge.labportal.engagements;

/**
 * Where an engagement stands: proposed (nothing held), active (the estimate held), closed
 * (the rest released).
 */
public enum EngagementStatus {

	PROPOSED, ACTIVE, CLOSED;

	public String code() {
		return name().toLowerCase();
	}

	static EngagementStatus ofCode(String code) {
		return valueOf(code.toUpperCase());
	}

}
