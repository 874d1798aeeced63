/**
 * DocRouter, the document AI product: uploads, extraction (offline rules or an LLM),
 * pricing in SPUs with a hold per job, the machine API and the MCP server. Billing itself
 * is platform-core's.
 */
package dev.billforge.docrouter;
