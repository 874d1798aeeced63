package dev.billforge.notifications.internal;

import dev.billforge.branding.Brand;
import dev.billforge.notifications.Notification;
import dev.billforge.valuemetric.ValueMetric;

/** The words of alert emails, in the tenant's brand and credit unit. */
final class AlertMessages {

	private final Brand brand;

	private final ValueMetric metric;

	AlertMessages(Brand brand, ValueMetric metric) {
		this.brand = brand;
		this.metric = metric;
	}

	String sender() {
		return brand.values().emailSenderName() + " <" + brand.values().supportEmail() + ">";
	}

	String subject(Notification n) {
		String product = brand.productName();
		return switch (n.type()) {
			case "threshold" -> product + ": " + n.threshold() + "% of this period's " + metric.creditName() + " used";
			case "cap_reached" -> product + ": your spend cap has been reached";
			case "projected_exhaustion" -> product + ": your " + metric.creditName() + " are projected to run out";
			case "trial_will_end" -> product + ": your trial ends in three days";
			case "agent_error_rate" -> product + ": " + n.details().getOrDefault("errorRatePercent", "?")
					+ "% of your agents' traces failed in the last " + n.details().getOrDefault("windowMinutes", "?")
					+ " minutes";
			case "agent_llm_cost" -> product + ": your agents' LLM cost reached $"
					+ n.details().getOrDefault("costUsd", "?") + " in the last hour";
			default -> product + ": " + n.type();
		};
	}

	String body(Notification n) {
		StringBuilder body = new StringBuilder(subject(n)).append(".\n\n");
		switch (n.type()) {
			case "threshold" -> body.append("You have used ")
				.append(n.details().getOrDefault("used", "?"))
				.append(" of ")
				.append(n.details().getOrDefault("periodCredits", "?"))
				.append(' ')
				.append(metric.creditName())
				.append(" in the current billing period.\n");
			case "cap_reached" -> body.append("Overage this period: ")
				.append(n.details().getOrDefault("overage", "?"))
				.append(" of a ")
				.append(n.details().getOrDefault("mode", ""))
				.append(" cap of ")
				.append(n.details().getOrDefault("cap", "?"))
				.append(' ')
				.append(metric.creditName())
				.append(".\n");
			case "projected_exhaustion" -> body.append("At the current rate your credits run out around ")
				.append(n.details().getOrDefault("projectedExhaustionAt", "?"))
				.append(".\n");
			case "trial_will_end" -> body.append("The trial of ")
				.append(n.details().getOrDefault("plan", "your plan"))
				.append(" ends on ")
				.append(n.details().getOrDefault("trialEnd", "?"))
				.append(". Without a payment method the org goes back to the free tier then.\n");
			case "agent_error_rate", "agent_llm_cost" -> {
				body.append(agentAlert(n));
				return body.append("\n— ").append(brand.values().emailSenderName()).toString();
			}
			default -> {
			}
		}
		body.append("\nBuy credits or change your plan on the billing page.\n\n— ")
			.append(brand.values().emailSenderName());
		return body.toString();
	}

	/** An alert on the monitored agents: the rule, what was observed, where to look. */
	private static String agentAlert(Notification n) {
		if (n.type().equals("agent_error_rate")) {
			return "Traces with an error: " + n.details().getOrDefault("failedTraces", "?") + " of "
					+ n.details().getOrDefault("traces", "?") + " (your alert: above "
					+ n.details().getOrDefault("thresholdPercent", "?")
					+ " %).\nSee the traces page for the failures.\n";
		}
		return "Observed LLM cost in the last hour: $" + n.details().getOrDefault("costUsd", "?")
				+ " (your alert: above $" + n.details().getOrDefault("thresholdUsd", "?")
				+ " per hour).\nSee the LLM cost page by model and agent.\n";
	}

}
