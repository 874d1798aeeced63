/**
 * Turning a document into fields: text from PDFBox, the offline rule-based extractor (no
 * network) and the LLM extractor for any OpenAI-compatible endpoint, with a prompt and
 * JSON schema per document type.
 */
package dev.billforge.docrouter.extraction;
