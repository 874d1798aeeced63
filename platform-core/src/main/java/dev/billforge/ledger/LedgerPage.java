package dev.billforge.ledger;

import java.util.List;

/**
 * A page of ledger entries, newest first; {@code nextCursor} is null on the last page.
 */
public record LedgerPage(List<LedgerEntry> entries, String nextCursor) {
}
