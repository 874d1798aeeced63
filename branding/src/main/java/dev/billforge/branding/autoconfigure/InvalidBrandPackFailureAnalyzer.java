package dev.billforge.branding.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.billforge.branding.InvalidBrandPackException;

/** Prints an invalid brand pack as a list of fields to fix instead of a stack trace. */
public class InvalidBrandPackFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBrandPackException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidBrandPackException cause) {
		String action = "Fix the fields listed above in the brand pack (" + cause.source() + ") and restart. "
				+ "A pack can be checked without starting the app with "
				+ "dev.billforge.branding.BrandPackValidator.validate(dir); docs/branding.md lists every field and rule.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
