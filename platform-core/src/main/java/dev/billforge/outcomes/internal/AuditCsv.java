package dev.billforge.outcomes.internal;

import dev.billforge.outcomes.Outcome;
import dev.billforge.outcomes.OutcomeAuditEntry;

/** An outcome's audit trail as CSV (RFC 4180), safe to open in a spreadsheet. */
final class AuditCsv {

	private AuditCsv() {
	}

	static String of(Outcome outcome) {
		StringBuilder csv = new StringBuilder(
				"outcome,type,at,actor_id,actor_email,from,to,evidence_sha256,reason\r\n");
		for (OutcomeAuditEntry e : outcome.audit()) {
			row(csv, outcome.id(), outcome.type(), e.at().toString(), e.actorId(), e.actorEmail(),
					e.from() == null ? "" : e.from().code(), e.to().code(), e.evidenceSha256(), e.reason());
		}
		return csv.toString();
	}

	private static void row(StringBuilder csv, String... cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(cell(cells[i]));
		}
		csv.append("\r\n");
	}

	/**
	 * Quotes every cell; a leading =, +, - or @ gets a ' so a spreadsheet never runs it
	 * as a formula.
	 */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

}
