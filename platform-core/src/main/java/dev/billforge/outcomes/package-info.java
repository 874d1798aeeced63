/**
 * Outcome-based fees: a product proposes an outcome (e.g. a delivered lab report), an
 * authorised reviewer of the client org approves it (the fee is held on the credit
 * ledger), and the fee is charged once the dispute window closes — or released when a
 * dispute ends in rejection. A billed outcome can be reversed by a compensating grant.
 * Switched on per tenant by configuration ({@code billforge.outcomes.types.<type>.*});
 * the life cycle and the money at each step are in {@code docs/outcomes.md}.
 */
package dev.billforge.outcomes;
