package dev.billforge.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.billforge.ledger.Balance;

/** Answers several tenants' tools share, in one shape. */
public final class McpAnswers {

	private McpAnswers() {
	}

	/**
	 * The org's credit balance and its usage in the current period, amounts as exact
	 * decimal strings.
	 */
	public static Map<String, Object> balance(Balance balance, String creditName) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("creditName", creditName);
		answer.put("available", balance.available().toString());
		answer.put("held", balance.held().toString());
		answer.put("debt", balance.debt().toString());
		answer.put("periodStart", balance.period().start().toString());
		answer.put("periodEnd", balance.period().end().toString());
		answer.put("periodCredits", balance.periodCredits().toString());
		answer.put("usedInPeriod", balance.usedInPeriod().toString());
		answer.put("overageInPeriod", balance.overageInPeriod().toString());
		return answer;
	}

}
