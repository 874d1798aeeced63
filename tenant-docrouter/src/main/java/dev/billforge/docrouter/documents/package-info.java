/**
 * Documents: upload checks (size, type sniffed from content), storage (MongoDB plus files
 * under the data directory), the job that holds SPUs, extracts and commits the actual
 * price, and the API and pages that expose them.
 * {@link dev.billforge.docrouter.documents.DocumentService} is the entry point.
 */
package dev.billforge.docrouter.documents;
