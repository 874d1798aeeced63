package dev.billforge.generator.internal;

/**
 * Refused input, naming the option (e.g. {@code --tag}) so the person knows what to fix.
 */
public class InvalidAnswerException extends RuntimeException {

	private final String option;

	public InvalidAnswerException(String option, String message) {
		super(option + ": " + message);
		this.option = option;
	}

	public String option() {
		return option;
	}

}
