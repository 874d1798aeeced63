package dev.billforge.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happens when overage reaches the spend cap. */
public enum CapMode {

	/** Deny new work and bill nothing beyond the cap. */
	HARD,

	/** Alert only; overage stays billable. */
	SOFT;

	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	@JsonCreator
	public static CapMode fromCode(String code) {
		for (CapMode value : values()) {
			if (value.code().equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("unknown CapMode: " + code);
	}

}
