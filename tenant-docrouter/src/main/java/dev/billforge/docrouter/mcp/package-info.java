/**
 * DocRouter's MCP tools on the platform's MCP server ({@code dev.billforge.mcp},
 * streamable HTTP, stateless, {@code /api/v1/mcp}): extract a document, get a result, and
 * get balance and usage. Authenticated by the machine API's Bearer org API key; jobs are
 * held and charged exactly like API uploads.
 */
package dev.billforge.docrouter.mcp;
