package dev.billforge.notifications.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing public base URL or mail server into a startup message naming the
 * variable to set.
 */
public class MissingProductionSettingFailureAnalyzer
		extends AbstractFailureAnalyzer<MissingProductionSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSettingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
