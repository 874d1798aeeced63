package dev.billforge.docrouter.documents;

/**
 * An upload as a caller hands it over. {@code documentType} and {@code extractor} may be
 * null (guess the type; use the LLM when configured). {@code idempotencyKey} may be null;
 * with it a retried upload returns the first job instead of running (and charging) a
 * second one.
 */
public record Upload(String fileName, byte[] content, String documentType, String extractor, String idempotencyKey) {
}
