package dev.billforge.ledger;

import dev.billforge.valuemetric.Credits;

/** The outcome of a grant; {@code duplicate} when the key had been granted before. */
public record GrantReceipt(String grantId, Credits credits, boolean duplicate) {
}
