package dev.billforge.ledger;

import java.util.List;

/** The result of replaying an org's ledger from its first entry. */
public record LedgerVerification(boolean consistent, long commits, long entries, List<String> differences) {
}
