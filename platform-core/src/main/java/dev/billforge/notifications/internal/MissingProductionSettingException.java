package dev.billforge.notifications.internal;

/**
 * A deployment with a real database lacks a setting that only the embedded development
 * default may do without; startup stops and
 * {@link MissingProductionSettingFailureAnalyzer} names the variable.
 */
public class MissingProductionSettingException extends IllegalStateException {

	private final String variable;

	private final String action;

	MissingProductionSettingException(String variable, String problem, String action) {
		super(problem);
		this.variable = variable;
		this.action = action;
	}

	public String variable() {
		return variable;
	}

	public String action() {
		return action;
	}

}
