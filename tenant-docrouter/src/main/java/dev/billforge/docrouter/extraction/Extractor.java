package dev.billforge.docrouter.extraction;

/** Extracts fields from a document. */
public interface Extractor {

	/** {@code offline} or {@code llm}. */
	String name();

	/**
	 * @throws ExtractionFailedException when no result could be produced
	 */
	Extraction extract(ExtractionInput input);

}
