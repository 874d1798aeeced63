package dev.billforge.docrouter.extraction;

/**
 * Extraction did not produce a result (provider down, malformed answer); the job must not
 * be charged.
 */
public class ExtractionFailedException extends RuntimeException {

	public ExtractionFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
