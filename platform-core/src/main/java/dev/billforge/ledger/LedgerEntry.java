package dev.billforge.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.billforge.valuemetric.Credits;

/**
 * One credit movement with the balance after it. {@code credits} is the magnitude moved;
 * the breakdown says where a charge went: drawn from grants, billable overage, recorded
 * beyond a hard cap (not billable), or debt.
 *
 * @param seq the ledger commit this entry belongs to (entries of one commit were applied
 * atomically)
 * @param index position within the commit
 */
public record LedgerEntry(long seq, int index, Instant at, EntryType type, String opKey, Credits credits,
		String grantId, String holdId, String meter, BigDecimal quantity, List<Draw> draws, Credits overage,
		Credits overCap, Credits debt, String reason, Credits availableAfter, Credits heldAfter, Credits debtAfter) {

	/** Credits taken from one grant. */
	public record Draw(String grantId, Credits credits) {
	}

}
