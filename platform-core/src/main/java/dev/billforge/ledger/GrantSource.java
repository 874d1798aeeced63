package dev.billforge.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where credits came from. The default priority decides the consumption order: lower is
 * spent first, so the plan allowance (which expires at period end) and free credits go
 * before paid packs.
 */
public enum GrantSource {

	PLAN_ALLOWANCE(1), PROMO(2), ADJUSTMENT(2), FREE_TIER(3), PACK(4);

	private final int defaultPriority;

	GrantSource(int defaultPriority) {
		this.defaultPriority = defaultPriority;
	}

	public int defaultPriority() {
		return defaultPriority;
	}

	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	@JsonCreator
	public static GrantSource fromCode(String code) {
		for (GrantSource source : values()) {
			if (source.code().equals(code)) {
				return source;
			}
		}
		throw new IllegalArgumentException("unknown grant source: " + code);
	}

}
