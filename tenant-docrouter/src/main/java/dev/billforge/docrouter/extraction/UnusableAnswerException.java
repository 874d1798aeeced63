package dev.billforge.docrouter.extraction;

import dev.billforge.docrouter.pricing.TokenUsage;

/**
 * The model answered — and spent tokens — but its answer cannot be used. Unlike other
 * failures the job is charged for the tokens: otherwise a document written to derail the
 * model would get extraction for free.
 */
public class UnusableAnswerException extends ExtractionFailedException {

	private final String model;

	private final TokenUsage usage;

	public UnusableAnswerException(String message, String model, TokenUsage usage) {
		super(message, null);
		this.model = model;
		this.usage = usage;
	}

	public String model() {
		return model;
	}

	public TokenUsage usage() {
		return usage;
	}

}
