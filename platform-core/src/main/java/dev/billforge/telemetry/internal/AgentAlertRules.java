package dev.billforge.telemetry.internal;

import java.math.BigDecimal;

import org.bson.Document;

import dev.billforge.common.DecimalInput;
import dev.billforge.common.ProblemException;

/**
 * An org's alerts on its monitored agents. Error rate: the share of traces started in the
 * last {@code windowMinutes} that have an error span, above {@code errorRatePercent},
 * once at least {@code minTraces} traces started (one failure out of one is not a trend).
 * LLM cost: the observed cost (spans and LLM request events) in the last hour above
 * {@code llmCostPerHourUsd}, an exact decimal. A null threshold switches that alert off.
 */
record AgentAlertRules(Integer errorRatePercent, int windowMinutes, int minTraces, BigDecimal llmCostPerHourUsd) {

	static final AgentAlertRules NONE = new AgentAlertRules(null, 15, 5, null);

	static final BigDecimal MAX_COST = new BigDecimal("1000000");

	AgentAlertRules {
		if (errorRatePercent != null && (errorRatePercent < 1 || errorRatePercent > 100)) {
			throw ProblemException.invalid("errorRatePercent", "errorRatePercent is from 1 to 100");
		}
		if (windowMinutes < 5 || windowMinutes > 1440) {
			throw ProblemException.invalid("windowMinutes", "windowMinutes is from 5 to 1440");
		}
		if (minTraces < 1 || minTraces > 100_000) {
			throw ProblemException.invalid("minTraces", "minTraces is from 1 to 100000");
		}
		if (llmCostPerHourUsd != null
				&& (llmCostPerHourUsd.signum() <= 0 || llmCostPerHourUsd.compareTo(MAX_COST) > 0)) {
			throw ProblemException.invalid("llmCostPerHourUsd", "llmCostPerHourUsd is above 0 and at most 1000000");
		}
	}

	/**
	 * From the form's texts, each bounded before parsing; blank switches an alert off.
	 */
	static AgentAlertRules parse(String errorRatePercent, String windowMinutes, String minTraces,
			String llmCostPerHourUsd) {
		return new AgentAlertRules(wholeOrNull("errorRatePercent", errorRatePercent),
				orDefault(wholeOrNull("windowMinutes", windowMinutes), NONE.windowMinutes),
				orDefault(wholeOrNull("minTraces", minTraces), NONE.minTraces),
				blank(llmCostPerHourUsd) ? null : DecimalInput.parse("llmCostPerHourUsd", llmCostPerHourUsd.strip()));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static int orDefault(Integer value, int fallback) {
		return value == null ? fallback : value;
	}

	private static Integer wholeOrNull(String field, String text) {
		if (blank(text)) {
			return null;
		}
		String value = text.strip();
		if (value.length() > 6 || !value.matches("[0-9]+")) {
			throw ProblemException.invalid(field, field + " must be a whole number");
		}
		return Integer.valueOf(value);
	}

	Document toDocument() {
		return new Document("errorRatePercent", errorRatePercent).append("windowMinutes", windowMinutes)
			.append("minTraces", minTraces)
			.append("llmCostPerHourUsd", llmCostPerHourUsd == null ? null : llmCostPerHourUsd.toPlainString());
	}

	static AgentAlertRules of(Document doc) {
		if (doc == null) {
			return NONE;
		}
		String cost = doc.getString("llmCostPerHourUsd");
		return new AgentAlertRules(doc.getInteger("errorRatePercent"),
				doc.getInteger("windowMinutes", NONE.windowMinutes), doc.getInteger("minTraces", NONE.minTraces),
				cost == null ? null : new BigDecimal(cost));
	}

}
