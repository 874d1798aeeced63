/**
 * DocRouter's MCP server (Spring AI, streamable HTTP, stateless) at {@code /api/v1/mcp}: tools to
 * extract a document, get a result, and get balance and usage. Authenticated by the machine API's
 * Bearer org API key; jobs are held and charged exactly like API uploads.
 */
package dev.billforge.docrouter.mcp;
