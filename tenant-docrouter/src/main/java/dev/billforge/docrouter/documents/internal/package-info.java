/** Storage, content sniffing and the HTTP controllers of the documents feature. */
package dev.billforge.docrouter.documents.internal;
