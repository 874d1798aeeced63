/**
 * The credit ledger: grants, usage debits, holds, debt, overage and caps, billing periods
 * and alerts for one org's credit account. Every credit movement is an append-only
 * {@link dev.billforge.ledger.LedgerEntry}; balances are always re-derivable from the
 * ledger. The billing rules are documented in {@code docs/ledger.md}.
 */
package dev.billforge.ledger;
