/** Health indicators, the ledger-commit metrics listener and the management defaults. */
package dev.billforge.observability.internal;
