package dev.billforge.ledger;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.billforge.orgs.OrgId;

/**
 * A fired alert: a usage threshold (70/90/100 % of the period's credits),
 * {@code cap_reached} or {@code projected_exhaustion}. Each fires at most once per org,
 * period and kind; stored as a notification event for the UI, email and outgoing webhooks
 * to deliver.
 */
public record Alert(String id, OrgId orgId, AlertType type, Integer threshold, Instant periodStart, Instant firedAt,
		Map<String, String> details) {

	public enum AlertType {

		THRESHOLD, CAP_REACHED, PROJECTED_EXHAUSTION;

		@JsonValue
		public String code() {
			return name().toLowerCase();
		}

		@JsonCreator
		public static AlertType fromCode(String code) {
			return valueOf(code.toUpperCase());
		}

	}

	/**
	 * The per-period identity of an alert; the same alert never fires twice in a period.
	 */
	public static String key(AlertType type, Integer threshold) {
		return threshold == null ? type.code() : type.code() + ":" + threshold;
	}

}
