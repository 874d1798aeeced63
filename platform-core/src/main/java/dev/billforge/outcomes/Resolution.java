package dev.billforge.outcomes;

/** How a dispute ends: the fee is charged ({@code BILL}) or released ({@code REJECT}). */
public enum Resolution {

	BILL, REJECT;

	public static Resolution ofCode(String code) {
		for (Resolution resolution : values()) {
			if (resolution.name().equalsIgnoreCase(code)) {
				return resolution;
			}
		}
		return null;
	}

}
