package dev.billforge.docrouter.extraction;

/** What an extractor gets: the document's text (empty for images), its pages and type. */
public record ExtractionInput(String text, int pages, DocumentType type) {
}
